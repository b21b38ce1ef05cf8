import { GET as articlesGET } from './articles/route';
import { GET as articleGET } from './articles/[slug]/route';
import { GET as claimsGET } from './claims/route';
import { GET as claimGET } from './claims/[id]/route';
import { GET as csvGET } from './export/claims.csv/route';
import { GET as jsonExportGET } from './export/claims.json/route';
import { GET as openapiGET } from './openapi.json/route';
import { GET as pageClaimsGET } from './page-claims/route';
import { GET as partiesGET } from './parties/route';
import { GET as partyGET } from './parties/[slug]/route';

/**
 * Calls the API's route handlers as Next would, for unit tests against a real
 * database (the tests stand in for next/headers, which only exists in a request).
 */

export const SITE = 'https://claims.example';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const route = (handler: unknown) => handler as Handler;

/** Each path template of the OpenAPI document and its handler. */
export const ROUTES = {
  '/claims': route(claimsGET),
  '/claims/{id}': route(claimGET),
  '/articles': route(articlesGET),
  '/articles/{slug}': route(articleGET),
  '/parties': route(partiesGET),
  '/parties/{slug}': route(partyGET),
  '/export/claims.csv': route(csvGET),
  '/export/claims.json': route(jsonExportGET),
  '/openapi.json': route(openapiGET),
  '/page-claims': route(pageClaimsGET),
} as const;
export type RoutePath = keyof typeof ROUTES;

/** GETs `path` (a template with its parameters filled in, plus a query string) through its handler. */
export function callApi(template: RoutePath, params: Record<string, string> = {}, query = '', headers?: HeadersInit): Promise<Response> {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const request = new Request(`${SITE}/api/v1${path}${query ? `?${query}` : ''}`, { headers });
  return ROUTES[template](request, { params: Promise.resolve(params) });
}
