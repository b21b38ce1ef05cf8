import { z } from 'zod';
import { claimPath, partyPath } from '@/lib/routes';
import { notFoundJson, parseQuery } from '@/lib/server/api';
import { jsonResponse, preflight } from '@/lib/server/http';
import { readParty } from '@/lib/server/reader';
import { siteUrl } from '@/lib/server/site';

/** One party with the published claims it made and its responses to published claims. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  const party = readParty((await params).slug);
  if (!party) return notFoundJson();
  const site = await siteUrl();
  return jsonResponse(request, {
    data: {
      slug: party.slug,
      name: party.name,
      kind: party.kind,
      description: party.description,
      url: party.url,
      page: `${site}${partyPath(party)}`,
      claims: party.claims.map((c) => ({
        id: c.id,
        statement: c.statement,
        status: c.status,
        updatedAt: c.updatedAt.toISOString(),
        url: `${site}${claimPath(c)}`,
      })),
      responses: party.responses.map((r) => ({
        claim: { id: r.claimId, statement: r.statement, status: r.status, url: `${site}${claimPath({ id: r.claimId, slug: r.claimSlug })}` },
        stance: r.stance,
        quote: r.quote,
        respondedAt: r.respondedAt?.toISOString() ?? null,
        requestedAt: r.requestedAt?.toISOString() ?? null,
        deadlineAt: r.deadlineAt?.toISOString() ?? null,
      })),
    },
  });
}

export const OPTIONS = preflight;
