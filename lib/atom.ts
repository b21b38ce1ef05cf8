import { Feed } from 'feed';
import { describeEvent, eventNote } from './events';
import { STATUS_INFO, type Status } from './status';
import { safeText } from './text';

/** One history entry of a published claim, as the feeds show it. */
export type FeedEvent = {
  id: number;
  at: Date;
  kind: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  claimId: number;
  claimSlug: string;
  statement: string;
  status: Status;
  articleTitle: string;
  /** Part of the first-run demo; feeds say so in the title. */
  demo?: boolean;
};

// The feed library writes titles and summaries as type="html": escape user text so readers show it as text.
// safeText drops what XML forbids (controls, non-characters) even from rows stored before it was applied.
const escapeHtml = (text: string) =>
  safeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom document of claim history entries (status changes, or a claim's whole history). */
export function atomFeed(input: {
  title: string;
  /** Absolute URL of this feed and of the page it follows. */
  selfUrl: string;
  pageUrl: string;
  site: string;
  publisher: string;
  events: FeedEvent[];
}): string {
  const feed = new Feed({
    id: input.selfUrl,
    title: safeText(input.title),
    link: input.pageUrl,
    feedLinks: { atom: input.selfUrl },
    updated: input.events[0]?.at ?? new Date(0),
    copyright: safeText(input.publisher),
    author: { name: safeText(input.publisher), link: input.site },
    generator: 'Claimline',
    language: 'en',
  });
  for (const e of input.events) {
    const claimUrl = `${input.site}/claims/${e.claimId}/${e.claimSlug}`;
    const what = describeEvent(e.kind, e.before, e.after);
    const note = eventNote(e.kind, e.after);
    const shownStatus = ['status_changed', 'corrected', 'published'].includes(e.kind) && typeof e.after?.status === 'string' ? e.after.status : e.status;
    const label = STATUS_INFO[shownStatus as Status]?.label ?? STATUS_INFO[e.status].label;
    feed.addItem({
      id: `${claimUrl}#event-${e.id}`,
      title: escapeHtml(`${e.demo ? '[Demo] ' : ''}${label}: ${e.statement}`),
      link: claimUrl,
      date: e.at,
      description: escapeHtml(`${what}${note ? `: ${note}` : ''} (in “${e.articleTitle}”)`),
    });
  }
  return feed.atom1();
}
