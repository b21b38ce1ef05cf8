import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { encodeCursor } from '@/lib/claim-filters';
import { callApi, ROUTES, SITE, type RoutePath } from './testing';

vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: new URL(SITE).host }) }));

let file: string;
beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterAll(() => removeDatabase(file));

// Path parameters of demo items that exist and are published, so only the query decides the answer.
const PATH_PARAMS: Record<RoutePath, Record<string, string>> = {
  '/claims': {},
  '/claims/{id}': { id: '3' },
  '/articles': {},
  '/articles/{slug}': { slug: 'riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth' },
  '/parties': {},
  '/parties/{slug}': { slug: 'riverside-drivers-association' },
  '/export/claims.csv': {},
  '/export/claims.json': {},
  '/openapi.json': {},
  '/page-claims': {},
};
// The query an endpoint needs to answer 200 at all, before the parameters under test.
const BASE_QUERY: Partial<Record<RoutePath, string>> = { '/page-claims': 'article=riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth&' };
const call = (path: RoutePath, query = '') => callApi(path, PATH_PARAMS[path], `${BASE_QUERY[path] ?? ''}${query}`);
const ENDPOINTS = Object.keys(ROUTES) as RoutePath[];

// Names every plain object answers to through its prototype: a check written as `key in shape`
// or `shape[key]` takes them for known parameters, and `errors.__proto__ = …` is silently dropped.
const PROTOTYPE_NAMES = [
  'toString',
  'constructor',
  'hasOwnProperty',
  '__proto__',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];

const b64 = (text: string) => Buffer.from(text).toString('base64url');
// Cursors that pass the character check but decode to no position in a list.
const BAD_CURSORS: [string, string][] = [
  ['three zero bytes', 'AAAA'],
  ['a negative id', b64('[1,-5]')],
  ['an object', b64('{"a":1}')],
  ['an empty array', b64('[]')],
  ['a fractional id', b64('[1,2.5]')],
  ['a string key', b64('["x",3]')],
  ['three numbers', b64('[1,2,3]')],
  ['null', b64('null')],
  ['a huge number', b64('[1e999,1]')],
  ['garbage base64', 'zzzz-_-_QQ'],
  ['a single character', 'A'],
  ['base64 of plain text', b64('page two, please')],
  ['a BOM and an array', b64('\uFEFF[1,2]')],
];

async function expectInvalid(response: Response, field: string) {
  expect(response.status).toBe(400);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { error: { status: number; message: string; fields: Record<string, string> } };
  expect(body.error.status).toBe(400);
  expect(body.error.message).toContain(field);
  expect(Object.hasOwn(body.error.fields, field)).toBe(true);
  return body.error.fields[field];
}

describe('every endpoint', () => {
  it.each(ENDPOINTS)('%s answers 200 without parameters (the control for the cases below)', async (path) => {
    expect((await call(path)).status).toBe(200);
  });

  describe.each(ENDPOINTS)('%s', (path) => {
    it.each(PROTOTYPE_NAMES)('refuses ?%s=1 as an unknown parameter', async (name) => {
      expect(await expectInvalid(await call(path, `${name}=1`), name)).toBe('Unknown parameter.');
    });

    it('names a prototype name beside a real problem too', async () => {
      const response = await call(path, 'constructor=x&colour=red');
      const body = await response.json();
      expect(Object.keys(body.error.fields).sort()).toEqual(['colour', 'constructor']);
    });
  });
});

describe('list cursors', () => {
  describe.each(['/claims', '/articles'] as const)('%s', (path) => {
    it.each(BAD_CURSORS)('refuses a cursor that is %s', async (_name, cursor) => {
      expect(await expectInvalid(await callApi(path, {}, `cursor=${cursor}`), 'cursor')).toBe('Use the cursor from the previous page.');
    });

    it('refuses a cursor with characters outside base64url', async () => {
      await expectInvalid(await callApi(path, {}, `cursor=${encodeURIComponent('a+b/c=')}`), 'cursor');
    });

    it('follows its own nextCursor to a second page that repeats nothing', async () => {
      const first = await (await callApi(path, {}, 'limit=1')).json();
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await callApi(path, {}, `limit=1&cursor=${first.nextCursor}`);
      expect(second.status).toBe(200);
      const ids = (x: { data: { id?: number; slug?: string }[] }) => x.data.map((d) => d.id ?? d.slug);
      const seen = new Set(ids(first));
      expect(ids(await second.json()).some((id) => seen.has(id))).toBe(false);
    });

    it('accepts a well-formed cursor for a position past the end, with an empty page', async () => {
      const response = await callApi(path, {}, `cursor=${encodeCursor({ key: -1, id: 1 })}`);
      expect(response.status).toBe(200);
      expect((await response.json()).data).toEqual([]);
    });
  });

  it.each(['/export/claims.csv', '/export/claims.json'] as const)('%s refuses cursors and limits: exports have no pages', async (path) => {
    expect(await expectInvalid(await callApi(path, {}, `cursor=${encodeCursor({ key: 1, id: 1 })}`), 'cursor')).toBe('Exports have no pages.');
    expect(await expectInvalid(await callApi(path, {}, 'limit=5'), 'limit')).toBe('Exports have no pages.');
  });
});
