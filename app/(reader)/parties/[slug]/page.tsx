import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { ClaimList } from '@/components/claim-list';
import { DemoLabel } from '@/components/demo-label';
import { PagePosition, Pager } from '@/components/pager';
import { PartyScorecard } from '@/components/party-scorecard';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, isoDate, plural } from '@/lib/format';
import { claimPath, externalHref, partyPath } from '@/lib/routes';
import { pageHref, parsePageParam, resolvePage } from '@/lib/paging';
import { decodedSegment } from '@/lib/params';
import { PARTY_PAGE_SIZE, readPartyClaims, readPartyHead, readPartyRecord, readPartyAddress, readPartyResponses } from '@/lib/server/reader';
import { env } from '@/lib/server/env';
import { siteUrl } from '@/lib/server/site';
import { PARTY_KIND_LABELS, STANCES, STANCE_LABELS, type Stance } from '@/lib/vocabulary';
import { PartyQuote } from '@/components/party-quote';

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

// Each list pages on its own; a link to another page of one list starts the other from its first page.
const CLAIMS_PARAM = 'page';
const RESPONSES_PARAM = 'responses-page';
const listHref = (party: { slug: string }, param: string, page: number, section: string) => `${pageHref(partyPath(party), {}, param, page)}#${section}`;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const party = readPartyHead(slug);
  if (!party) return {};
  const query = await searchParams;
  const description = `Claims made by ${party.name} and its responses to claims, with their status.`;
  // A page of either list is its own address (the page redirects anything else to one).
  const search = new URLSearchParams();
  for (const param of [CLAIMS_PARAM, RESPONSES_PARAM]) {
    const asked = parsePageParam(query[param]);
    if ('page' in asked && asked.page > 1) search.set(param, String(asked.page));
  }
  const url = `${await siteUrl()}${partyPath(party)}${search.size ? `?${search}` : ''}`;
  return {
    title: search.size ? `${party.name} (${[...search.values()].map((p) => `page ${p}`).join(', ')})` : party.name,
    description,
    alternates: { canonical: url, types: { 'application/atom+xml': `${partyPath(party)}/feed.atom` } },
    openGraph: { type: 'profile', title: party.name, description, url },
    twitter: { card: 'summary', title: party.name, description },
  };
}

/** A response's stance, counting a lapsed request for comment as no response. */
function stanceOf(r: { stance: Stance | null; deadlineAt: Date | null }, now: Date): Stance | 'awaiting' {
  if (r.stance) return r.stance;
  return r.deadlineAt && r.deadlineAt < now ? 'no_response' : 'awaiting';
}

export default async function PartyPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const party = readPartyHead(slug);
  if (!party) {
    // A party merged into another: its old links lead to the party kept; an address typed by hand, to the party it names.
    const current = readPartyAddress(decodedSegment(slug));
    if (current) permanentRedirect(partyPath({ slug: current }));
    notFound();
  }
  const now = new Date();
  const record = readPartyRecord(party.id, now.getTime());
  const claimsTotal = record.statuses.reduce((n, s) => n + s.n, 0);
  const responsesTotal = record.stances.reduce((n, s) => n + s.n, 0);

  const query = await searchParams;
  const claimsWindow = resolvePage(query[CLAIMS_PARAM], claimsTotal, PARTY_PAGE_SIZE);
  const responsesWindow = resolvePage(query[RESPONSES_PARAM], responsesTotal, PARTY_PAGE_SIZE);
  if (claimsWindow.redirect || responsesWindow.redirect) {
    const responsesPage = responsesWindow.page > 1 ? responsesWindow.page : undefined;
    redirect(pageHref(partyPath(party), { [RESPONSES_PARAM]: responsesPage }, CLAIMS_PARAM, claimsWindow.page));
  }
  const claims = readPartyClaims(party.id, claimsWindow.offset);
  const responses = readPartyResponses(party.id, responsesWindow.offset).map((r) => ({ ...r, shown: stanceOf(r, now) }));
  const counts = STANCES.map((s) => ({ stance: s, n: record.stances.find((c) => c.stance === s)?.n ?? 0 })).filter((c) => c.n > 0);
  const awaiting = record.stances.find((c) => c.stance === 'awaiting')?.n ?? 0;
  return (
    <div className="mx-auto max-w-4xl">
      <header>
        <p className="muted text-sm">{PARTY_KIND_LABELS[party.kind]}</p>
        <h1 className="mt-1 text-3xl font-bold">
          {party.name}
          {party.demo ? <DemoLabel className="ml-3" /> : null}
        </h1>
        {party.description ? <p className="mt-2">{party.description}</p> : null}
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          {externalHref(party.url) ? (
            <a href={externalHref(party.url)} rel="noopener noreferrer nofollow">
              Website
            </a>
          ) : null}
          <a href={`${partyPath(party)}/feed.atom`}>Atom feed of status changes</a>
          <Link href={`/claims?party=${party.slug}`}>Search its claims</Link>
        </p>
      </header>

      <PartyScorecard name={party.name} record={record} locale={env.NEWSROOM_LOCALE} />

      <section aria-labelledby="stance-heading" className="mt-8">
        <h2 id="stance-heading" className="text-lg font-semibold">
          Responses by stance
        </h2>
        {counts.length === 0 && awaiting === 0 ? <p className="muted mt-2">No responses recorded.</p> : null}
        <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-3">
          {counts.map((c) => (
            <div key={c.stance} className="flex gap-2">
              <dt className="capitalize">{STANCE_LABELS[c.stance]}</dt>
              <dd className="font-semibold">{c.n}</dd>
            </div>
          ))}
          {awaiting > 0 ? (
            <div className="flex gap-2">
              <dt>Awaiting a reply</dt>
              <dd className="font-semibold">{awaiting}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="party-claims-heading" className="mt-8">
        <h2 id="party-claims-heading" className="mb-3 text-lg font-semibold">
          Claims made ({claimsTotal})
        </h2>
        <PagePosition window={claimsWindow} order="most recently updated first" />
        {claimsTotal === 0 ? <p className="muted">No published claims.</p> : <ClaimList claims={claims} />}
        <Pager window={claimsWindow} label="Pages of claims made" href={(p) => listHref(party, CLAIMS_PARAM, p, 'party-claims-heading')} />
      </section>

      <section aria-labelledby="party-responses-heading" className="mt-8">
        <h2 id="party-responses-heading" className="mb-3 text-lg font-semibold">
          {plural(responsesTotal, 'response')} to claims
        </h2>
        <PagePosition window={responsesWindow} order="latest first" />
        <ol className="space-y-3">
          {responses.map((r) => {
            const date = r.respondedAt ?? r.requestedAt;
            return (
              <li key={r.id} className="border-l-2 border-[var(--rule)] pl-3">
                <p className="text-sm">
                  {date ? (
                    <time dateTime={isoDate(date)} className="muted">
                      {formatDate(date)} ·{' '}
                    </time>
                  ) : null}
                  <strong>
                    {r.shown === 'awaiting'
                      ? `asked for comment${r.deadlineAt ? `, reply expected by ${formatDate(r.deadlineAt)}` : ''}`
                      : r.shown === 'no_response' && r.deadlineAt
                        ? `asked for comment, no response by ${formatDate(r.deadlineAt)}`
                        : STANCE_LABELS[r.shown]}
                  </strong>{' '}
                  on <Link href={claimPath({ id: r.claimId, slug: r.claimSlug })}>{r.statement}</Link>{' '}
                  <StatusBadge status={r.status} />
                </p>
                {r.quote ? <PartyQuote text={r.quote} /> : null}
              </li>
            );
          })}
        </ol>
        <Pager window={responsesWindow} label="Pages of responses" rel={false} href={(p) => listHref(party, RESPONSES_PARAM, p, 'party-responses-heading')} />
      </section>
    </div>
  );
}

