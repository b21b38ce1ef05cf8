import { openApiValidator, type OpenApiPaths } from '../lib/testing/openapi-validator';
import { expect, test } from './fixtures';
import { runSetup } from './support/setup';

// A strict client of the production server: it reads /api/v1/openapi.json and validates what
// every endpoint answers over HTTP against it with ajv (JSON Schema 2020-12 and its formats).
// In production the server does not parse its answers with zod, so this is the check there.

type Hostile = { articleId: number; articleSlug: string; claimId: number; claimSlug: string; partySlug: string };

test('every endpoint answers what the served OpenAPI document says, hostile content included', async ({ request }) => {
  const hostile = runSetup<Hostile>('seed-hostile.ts', null);
  const doc = (await (await request.get('/api/v1/openapi.json')).json()) as { components: unknown; paths: OpenApiPaths };
  const validate = openApiValidator(doc);

  const calls: [template: string, url: string][] = [
    ['/claims', '/claims'],
    ['/claims', '/claims?q=hostile&limit=100'],
    ['/claims', '/claims?cursor=AAAA'],
    ['/claims', '/claims?__proto__=1'],
    ['/claims/{id}', `/claims/${hostile.claimId}`],
    ['/claims/{id}', '/claims/3'],
    ['/claims/{id}', '/claims/6'],
    ['/claims/{id}', '/claims/abc'],
    ['/articles', '/articles?limit=1'],
    ['/articles', '/articles?cursor=W1swXV0'],
    ['/articles/{slug}', `/articles/${hostile.articleSlug}`],
    ['/articles/{slug}', '/articles/nothing-here'],
    ['/articles/{slug}', `/articles/${hostile.articleSlug}?toString=1`],
    ['/parties', '/parties'],
    ['/parties/{slug}', `/parties/${hostile.partySlug}`],
    ['/parties/{slug}', '/parties/nobody-at-all'],
    ['/export/claims.json', '/export/claims.json?q=hostile'],
    ['/export/claims.json', '/export/claims.json?constructor=1'],
    ['/export/claims.csv', '/export/claims.csv?status=false'],
    ['/openapi.json', '/openapi.json'],
  ];
  for (const [template, url] of calls) {
    const response = await request.get(`/api/v1${url}`);
    const documented = doc.paths[template]?.get.responses[String(response.status())];
    expect(documented, `${url} → ${response.status()} is documented`).toBeDefined();
    const [mediaType, media] = Object.entries(documented!.content ?? {})[0]!;
    expect(response.headers()['content-type']?.split(';')[0], url).toBe(mediaType);
    if (mediaType !== 'application/json') continue;
    expect(validate(media.schema, await response.json()), `${url} → ${response.status()}`).toEqual([]);
  }
});
