import { Feed } from 'feed';
import { describeEvent, eventNote } from './events';
import { claimPath } from './routes';
import { STATUS_INFO, type Status } from './status';
import { escapeMarkup, safeText } from './text';

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

// The feed library writes titles and summaries as type="html": user text goes through escapeMarkup so readers
// see it as text, and its safeText drops what XML forbids even from rows stored before it was applied.

/** A feed of the newsroom's, named and linked as every Claimline feed is. */
function newFeed(input: { title: string; selfUrl: string; pageUrl: string; site: string; publisher: string; updated: Date | undefined }) {
  return new Feed({
    id: input.selfUrl,
    title: safeText(input.title),
    link: input.pageUrl,
    feedLinks: { atom: input.selfUrl },
    updated: input.updated ?? new Date(0),
    copyright: safeText(input.publisher),
    author: { name: safeText(input.publisher), link: input.site },
    generator: 'Claimline',
    language: 'en',
  });
}

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
  const feed = newFeed({ ...input, updated: input.events[0]?.at });
  for (const e of input.events) {
    const claimUrl = `${input.site}${claimPath({ id: e.claimId, slug: e.claimSlug })}`;
    const what = describeEvent(e.kind, e.before, e.after);
    const note = eventNote(e.kind, e.after);
    const shownStatus = ['status_changed', 'corrected', 'published'].includes(e.kind) && typeof e.after?.status === 'string' ? e.after.status : e.status;
    const label = STATUS_INFO[shownStatus as Status]?.label ?? STATUS_INFO[e.status].label;
    feed.addItem({
      // Without the slug, which follows the statement: an entry's id never changes (RFC 4287 4.2.6).
      id: `${input.site}/claims/${e.claimId}#event-${e.id}`,
      title: escapeMarkup(`${e.demo ? '[Demo] ' : ''}${label}: ${e.statement}`),
      link: claimUrl,
      date: e.at,
      description: escapeMarkup(`${what}${note ? `: ${note}` : ''} (in “${e.articleTitle}”)`),
    });
  }
  return feed.atom1();
}

/** An article change the outlet made after the newsroom's check, as its feed shows it. */
export type OutletChangeEntry = { id: number; detectedAt: Date; title: string; outlet: string; changesPath: string; url: string };

/** The Atom feed of changes outlets made to articles after they were checked (found by watches, accepted by an editor). */
export function outletChangesFeed(input: { selfUrl: string; pageUrl: string; site: string; publisher: string; changes: OutletChangeEntry[] }): string {
  const feed = newFeed({ ...input, title: 'Articles changed after our check', updated: input.changes[0]?.detectedAt });
  for (const c of input.changes) {
    const link = `${input.site}${c.changesPath}`;
    feed.addItem({
      id: `${input.site}/feeds/outlet-changes.atom#change-${c.id}`,
      title: escapeMarkup(`Changed after our check: ${c.title}`),
      link,
      date: c.detectedAt,
      description: escapeMarkup(`${c.outlet || 'The outlet'} changed “${c.title}” (${c.url}) after it was checked.`),
    });
  }
  return feed.atom1();
}
