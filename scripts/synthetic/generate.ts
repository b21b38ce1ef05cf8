// Invented newsroom data for load tests: deterministic for a given seed. Every
// outlet, person, place and number below is made up.
import { createAnchor, type Anchor } from '@/lib/anchor';
import type { EventKind } from '@/lib/events';
import { STATUSES, type Status } from '@/lib/status';
import { normalizeBody, normalizeLine, slugify } from '@/lib/text';
import { PARTY_KINDS, RELATIONS, STANCES, type PartyKind, type Relation, type Stance } from '@/lib/vocabulary';

/** Bump when the output changes, so cached benchmark databases are rebuilt. */
export const SYNTHETIC_VERSION = 1;

const DAY = 86_400_000;

export type SyntheticParty = { slug: string; name: string; kind: PartyKind; description: string };
export type SyntheticSource = { url: string; title: string; publisher: string; publishedAt: number };
export type SyntheticEvent = { kind: EventKind; at: number; before: object | null; after: object | null };
export type SyntheticClaim = {
  slug: string;
  statement: string;
  claimant: number | null;
  status: Status;
  statusNote: string;
  published: boolean;
  version: number;
  anchor: Anchor;
  createdAt: number;
  updatedAt: number;
  sources: { source: number; relation: Relation; excerpt: string }[];
  responses: { party: number; stance: Stance | null; quote: string; respondedAt: number | null; requestedAt: number; deadlineAt: number }[];
  events: SyntheticEvent[];
};
export type SyntheticArticle = {
  slug: string;
  title: string;
  outlet: string;
  author: string;
  publishedAt: number;
  canonicalUrl: string;
  body: string;
  claims: SyntheticClaim[];
};

/** mulberry32: small, fast and good enough to make varied test data (the benchmarks use it too). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, int, pick };
}

const PLACES = ['Riverside', 'Vallée-des-Saules', 'Ørnebakke', 'Port Ilić', 'São Brejo', 'Kleinwörth', 'Cañada Alta', 'Dunmarrow', 'Łąkowice', 'Tamsin Bridge'];
const TOPICS = ['bus lanes', 'the new hospital wing', 'flood defences', 'school meals', 'rent controls', 'the tram extension', 'recycling targets', 'the river clean-up', 'broadband roll-out', 'night trains'];
const GROUPS = ['commuters', 'nurses', 'tenants', 'small businesses', 'pensioners', 'students', 'farmers', 'cyclists'];
const OUTLETS = ['The Riverside Ledger', 'Valley Courier', 'Nordlys Tidende', 'El Eco de Cañada', 'Harbour Weekly'];
const FIRST = ['Zoë', 'Amélie', 'Jörg', 'Siobhán', 'Tomás', 'Aïcha', 'Nguyễn', 'Ingrid', 'Rafał', 'Dalia', 'Kwame', 'Yūko'];
const LAST = ['Marchetti', 'Okonkwo', 'Brennan', 'Lindqvist', 'Duarte', 'Haddad', 'Kowalczyk', 'Osei', 'Tanaka', 'Ferreira'];
const ORGS = ['Council', 'Transit Authority', 'Water Board', 'Chamber of Commerce', 'Tenants’ Union', 'Health Trust', 'Cyclists’ Club', 'Port Authority'];
// Quotes in right-to-left scripts and with emoji, as readers and parties really write.
const FLOURISHES = [
  'One resident’s sign read “نريد حافلات أكثر” (“we want more buses”).',
  'A banner in Hebrew said “אנחנו רוצים נהר נקי” — “we want a clean river”.',
  'Supporters posted 🚲🌊👍 under the announcement.',
  'The café owner called it “déjà vu, again” 😅.',
  'Critics replied with 📉 and a single word: “Nein.”',
  'Families from Kleinwörth wrote “ça suffit” on the footbridge.',
];
const TEMPLATES: ((r: ReturnType<typeof random>) => string)[] = [
  (r) => `The ${r.pick(['bus lanes', 'tram extension', 'new bridge', 'cycle routes'])} in ${r.pick(PLACES)} cut journey times by ${r.int(5, 40)} per cent last year.`,
  (r) => `The ${r.pick(ORGS).toLowerCase()} spent €${r.int(2, 900)} million on ${r.pick(TOPICS)} since ${r.int(2015, 2025)}.`,
  (r) => `About ${r.int(10, 95)}% of ${r.pick(GROUPS)} in ${r.pick(PLACES)} support ${r.pick(TOPICS)}.`,
  (r) => `The project will create ${r.int(50, 5000)} jobs in ${r.pick(PLACES)} by ${r.int(2026, 2035)}.`,
  (r) => `Complaints about ${r.pick(TOPICS)} doubled in ${r.int(2019, 2025)}, according to figures seen by this paper.`,
  (r) => `No other city of its size has built ${r.pick(TOPICS)} as fast as ${r.pick(PLACES)}.`,
  (r) => `Waiting lists for ${r.pick(GROUPS)} fell from ${r.int(300, 900)} to ${r.int(20, 290)} names in two years.`,
  (r) => `${r.pick(FIRST)} ${r.pick(LAST)} said ${r.pick(TOPICS)} had “never once” gone over budget.`,
];
const FILLER = [
  'The meeting ran late into the evening.',
  'Several speakers asked for the figures to be published in full.',
  'A decision is expected after the summer recess.',
  'Reporters were not allowed into the closed session.',
];

function weightedStatus(r: ReturnType<typeof random>): Status {
  const x = r.next();
  const cumulative = [0.35, 0.55, 0.7, 0.85, 0.95, 1];
  return STATUSES[cumulative.findIndex((c) => x < c)] ?? 'unverified';
}

export function generateParties(seed: number, count: number): SyntheticParty[] {
  const r = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = PARTY_KINDS[i % PARTY_KINDS.length]!;
    const name = kind === 'person' ? `${r.pick(FIRST)} ${r.pick(LAST)}` : `${r.pick(PLACES)} ${r.pick(ORGS)}`;
    return { slug: `${slugify(name)}-${i + 1}`, name, kind, description: `Invented ${kind} for load tests.` };
  });
}

export function generateSources(seed: number, count: number, now: number): SyntheticSource[] {
  const r = random(seed + 1);
  return Array.from({ length: count }, (_, i) => ({
    url: `https://records.example.org/${r.pick(['reports', 'minutes', 'data', 'statements'])}/${i + 1}`,
    title: `${r.pick(ORGS)} report on ${r.pick(TOPICS)} (${r.int(2015, 2025)})`,
    publisher: `${r.pick(PLACES)} ${r.pick(ORGS)}`,
    publishedAt: now - r.int(30, 2000) * DAY,
  }));
}

/** One article with `claimCount` claims anchored into its body, their sources, responses and history. */
export function generateArticle(options: {
  seed: number;
  index: number;
  claimCount: number;
  parties: SyntheticParty[];
  sources: SyntheticSource[];
  now: number;
}): SyntheticArticle {
  const r = random(options.seed * 1_000_003 + options.index);
  const sentences: { text: string; claim: boolean }[] = [];
  for (let i = 0; i < options.claimCount; i++) sentences.push({ text: r.pick(TEMPLATES)(r), claim: true });
  // Between a fifth and a half again as much text that is not a claim.
  for (let i = Math.ceil(options.claimCount * (0.2 + r.next() * 0.3)) + 2; i > 0; i--) {
    sentences.splice(r.int(0, sentences.length), 0, { text: r.next() < 0.3 ? r.pick(FLOURISHES) : r.pick(FILLER), claim: false });
  }
  // Paragraphs of two to five sentences; remember where each claim sentence lands.
  let body = '';
  const spans: [number, number][] = [];
  sentences.forEach((s, i) => {
    if (i > 0) body += r.next() < 0.3 ? '\n\n' : ' ';
    if (s.claim) spans.push([body.length, body.length + s.text.length]);
    body += s.text;
  });
  if (normalizeBody(body) !== body) throw new Error('synthetic body is not in normal form');

  const publishedAt = options.now - r.int(1, 1000) * DAY;
  const topic = r.pick(TOPICS);
  const title = `${r.pick(PLACES)}: what the figures on ${topic} really show (${options.index + 1})`;
  const claims = spans.map(([start, end]): SyntheticClaim => {
    // Now and then a claim is only part of a sentence: nested and shorter anchors.
    const comma = body.lastIndexOf(' ', end - 10);
    const anchor = createAnchor(body, start, r.next() < 0.1 && comma > start + 10 ? comma : end)!;
    const createdAt = publishedAt + r.int(0, 3) * DAY;
    const updatedAt = createdAt + r.int(0, 20) * DAY;
    const status = weightedStatus(r);
    const published = r.next() < 0.9;
    const statement = normalizeLine(anchor.exact.replace(/[.]$/, ''));
    const statusNote = status === 'unverified' ? '' : `Checked against ${r.int(1, 4)} public records.`;
    const linked = [...new Set(Array.from({ length: r.int(0, 3) }, () => r.int(0, options.sources.length - 1)))];
    const claimSources = linked.map((source) => ({ source, relation: r.pick(RELATIONS), excerpt: r.next() < 0.5 ? r.pick(FILLER) : '' }));
    const responses = Array.from({ length: r.int(0, 2) }, () => {
      const stance = r.next() < 0.15 ? null : r.pick(STANCES);
      const requestedAt = createdAt + DAY;
      return {
        party: r.int(0, options.parties.length - 1),
        stance,
        quote: stance && stance !== 'no_response' ? r.pick([...FILLER, ...FLOURISHES]) : '',
        respondedAt: stance ? requestedAt + r.int(1, 6) * DAY : null,
        requestedAt,
        deadlineAt: requestedAt + 7 * DAY,
      };
    });
    const events: SyntheticEvent[] = [
      { kind: 'created', at: createdAt, before: null, after: { statement, status: 'unverified', note: '', published: false, exact: anchor.exact } },
      ...claimSources.map((s) => ({ kind: 'source_added' as const, at: createdAt + 1, before: null, after: { relation: s.relation, url: options.sources[s.source]!.url, title: options.sources[s.source]!.title } })),
      ...responses.map((x) => ({ kind: 'response_added' as const, at: x.respondedAt ?? x.requestedAt, before: null, after: { party: options.parties[x.party]!.name, stance: x.stance, quote: x.quote } })),
    ];
    if (status !== 'unverified') {
      events.push({ kind: 'status_changed', at: updatedAt, before: { status: 'unverified', note: '' }, after: { status, note: statusNote } });
    }
    if (published) events.push({ kind: 'published', at: updatedAt, before: null, after: null });
    return {
      slug: slugify(statement),
      statement,
      claimant: r.next() < 0.8 ? r.int(0, options.parties.length - 1) : null,
      status,
      statusNote,
      published,
      version: status !== 'unverified' || published ? 2 : 1,
      anchor,
      createdAt,
      updatedAt,
      sources: claimSources,
      responses,
      events,
    };
  });
  return {
    slug: `${slugify(title)}-${options.index + 1}`,
    title,
    outlet: r.pick(OUTLETS),
    author: `${r.pick(FIRST)} ${r.pick(LAST)}`,
    publishedAt,
    canonicalUrl: `https://news.example.com/${options.index + 1}`,
    body,
    claims,
  };
}

/** How many claims each of `articles` articles gets: varied (a fifth to nearly twice the mean), summing to `claims`. */
export function claimCounts(seed: number, articles: number, claims: number): number[] {
  const r = random(seed + 2);
  const weights = Array.from({ length: articles }, () => 0.2 + r.next() * 1.6);
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / total) * claims));
  let rest = claims - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % articles, rest--) counts[i]!++;
  return counts;
}
