import { z } from 'zod';
import { CARD_SIZE } from './claim-card';
import { quoted } from './quotes';
import { STATUS_INFO, type Status } from './status';
import { escapeMarkup } from './text';

/**
 * The oEmbed provider (https://oembed.com, 1.0) for claim pages: a `rich` answer whose
 * HTML is an iframe of the claim card. Consumers may add parameters of their own, so
 * unknown ones are ignored; the ones the spec names are checked.
 */

const dimension = z.coerce.number('Use a whole number of pixels.').int('Use a whole number of pixels.').min(1, 'Use a whole number of pixels.').max(10_000);

export const oembedQuery = z.object({
  url: z.string('Give the claim page’s address.').max(2000),
  format: z.enum(['json', 'xml'], 'Use json.').default('json'),
  maxwidth: dimension.optional(),
  maxheight: dimension.optional(),
});
export type OembedQuery = z.output<typeof oembedQuery>;

export type OembedClaim = { id: number; statement: string; status: Status };

export function oembedAnswer(claim: OembedClaim, { site, checkedBy, maxwidth, maxheight }: { site: string; checkedBy: { name: string; url: string } } & Pick<OembedQuery, 'maxwidth' | 'maxheight'>) {
  const width = Math.min(CARD_SIZE.width, maxwidth ?? Infinity);
  const height = Math.min(CARD_SIZE.height, maxheight ?? Infinity);
  const title = `${STATUS_INFO[claim.status].label}: ${quoted(claim.statement)}`;
  // sandbox: the card runs no script anyway; its link opens a new tab, outside the sandbox.
  const html =
    `<iframe src="${escapeMarkup(`${site}/claims/${claim.id}/card`)}" width="${width}" height="${height}" ` +
    `title="${escapeMarkup(`Fact check: ${title}`)}" loading="lazy" style="border:0;max-width:100%" ` +
    `sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>`;
  return {
    version: '1.0',
    type: 'rich',
    title,
    author_name: checkedBy.name,
    author_url: checkedBy.url,
    provider_name: checkedBy.name,
    provider_url: site,
    cache_age: 3600,
    html,
    width,
    height,
  };
}
