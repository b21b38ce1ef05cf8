import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db';
import { createArticle } from '@/db/queries/articles';
import { databaseHealth } from '@/db/queries/health';
import { createClaimFromSelection, saveClaim } from '@/db/queries/annotator';
import { articleRevisions, articles, claimEvents, claims, parties } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { formToObject } from '@/lib/server/action';
import { createClaimSchema, saveClaimSchema } from './edit/articles/[id]/(annotate)/schema';
import { newArticleSchema } from './edit/articles/new/schema';

// Every form schema, fed whatever a hostile client can post: no input may throw, and
// for the writes below no rejected input may leave anything behind in the database.

type AnySchema = z.ZodType;

/** Every file under app/ that defines form schemas. */
function schemaFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(full);
    return /schema\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Field names and literal values a schema knows, so the fuzzer reaches past the first check. */
function vocabulary(schema: unknown, names = new Set<string>(), words = new Set<string>()) {
  const seen = new Set<unknown>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object') Object.keys(def.shape as object).forEach((k) => names.add(k));
    if (def.type === 'literal') (def.values as unknown[]).forEach((v) => words.add(String(v)));
    if (def.type === 'enum') Object.values(def.entries as object).forEach((v) => words.add(String(v)));
    Object.values(def).forEach((v) => (Array.isArray(v) ? v.forEach(walk) : walk(v)));
    if (def.shape) Object.values(def.shape as object).forEach(walk);
  };
  walk(schema);
  return { names: [...names], words: [...words] };
}

const nasty = fc.constantFrom(
  '', ' ', '0', '-1', '1.5', '1e309', 'NaN', 'Infinity', '9007199254740993', 'true', 'on', 'null', 'undefined',
  '__proto__', 'constructor', '\u0000', '\uD800', 'e\u0301', '👍🏽', 'مرحبا', '<script>alert(1)</script>',
  'javascript:alert(1)', 'http://127.0.0.1/', 'https://example.org/a', '2026-02-30', '2026-11-26', 'x'.repeat(5000),
);

/** A posted form: known and unknown field names, strings (sometimes repeated) as values. */
function formEntries(names: string[], words: string[]) {
  const name = fc.oneof(fc.constantFrom(...names, '__proto__', 'constructor', '$ACTION_ID_x'), fc.string({ maxLength: 8 }));
  const value = fc.oneof(fc.constantFrom(...(words.length ? words : [''])), nasty, fc.string(), fc.string({ unit: 'binary', maxLength: 50 }));
  return fc.array(fc.tuple(name, value), { maxLength: 20 });
}

function toForm(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
}

describe('every form schema', async () => {
  const files = schemaFiles(__dirname);
  const schemas: [string, AnySchema][] = [];
  for (const file of files) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (value instanceof z.ZodType) schemas.push([`${path.relative(__dirname, file)} ${name}`, value]);
    }
  }

  it('are found', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(10);
  });

  it.each(schemas)('%s: any posted form parses or fails with field errors, never throws', (_name, schema) => {
    const { names, words } = vocabulary(schema);
    fc.assert(
      fc.property(formEntries(names, words), (entries) => {
        const result = schema.safeParse(formToObject(toForm(entries)));
        if (!result.success) expect(Object.keys(z.flattenError(result.error))).toContain('fieldErrors');
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('rejected writes leave nothing behind', () => {
  let file: string;
  beforeAll(() => {
    file = useFreshDatabase();
    seedDemoOnFirstRun();
  });
  afterAll(() => removeDatabase(file));

  const totals = () =>
    [articles, articleRevisions, claims, claimEvents, parties].map((t) => getDb().select({ n: count() }).from(t).get()!.n);

  /** Runs a parsed write; on refusal (AppError), the database must be exactly as before. */
  function atomically(write: () => unknown) {
    const before = totals();
    try {
      write();
    } catch (error) {
      if (!isAppError(error)) throw error;
      expect(totals()).toEqual(before);
    }
  }

  const demoArticle = () => getDb().select().from(articles).limit(1).get()!;

  it('creating articles', () => {
    fc.assert(
      fc.property(formEntries(vocabulary(newArticleSchema).names, ['text']), (entries) => {
        const parsed = newArticleSchema.safeParse(formToObject(toForm([['mode', 'text'], ...entries])));
        if (!parsed.success || parsed.data.mode !== 'text') return;
        const input = parsed.data;
        atomically(() => createArticle({ ...input, body: input.text, actorId: null }));
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('creating claims from a selection, with or without a new party', () => {
    const article = demoArticle();
    const body = getDb().select().from(articleRevisions).limit(1).get()!.body;
    const near = fc.integer({ min: 0, max: 400 });
    fc.assert(
      // Half the time the passage really is the article's text there, so creation succeeds too.
      fc.property(near, near, fc.option(fc.string({ maxLength: 30 })), formEntries(['statement', 'newPartyName', 'newPartyKind'], []), (start, end, exact, entries) => {
        const passage = exact ?? body.slice(start, end);
        const form = toForm([['articleId', String(article.id)], ['start', String(start)], ['end', String(end)], ['exact', passage], ...entries]);
        const parsed = createClaimSchema.safeParse(formToObject(form));
        if (!parsed.success) return;
        atomically(() => createClaimFromSelection({ ...parsed.data, statement: parsed.data.statement || undefined, actorId: null }));
      }),
      { numRuns: 150 },
    );
    // And every claim that was created came with its history.
    expect(databaseHealth().claimsWithoutEvents).toEqual([]);
  }, 30_000);

  it('saving claims, stale versions and new parties included', () => {
    const claim = getDb().select().from(claims).limit(1).get()!;
    const { names, words } = vocabulary(saveClaimSchema);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), formEntries(names, words), (version, entries) => {
        const form = toForm([['id', String(claim.id)], ['version', String(version)], ...entries]);
        const parsed = saveClaimSchema.safeParse(formToObject(form));
        if (!parsed.success) return;
        const { id, version: v, statement, claimantPartyId, status, statusNote, published, newParty } = parsed.data;
        atomically(() =>
          saveClaim({ id, version: v, patch: { statement, claimantPartyId, status, statusNote, published }, newParty, actorId: null }),
        );
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
