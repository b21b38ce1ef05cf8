import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formToObject } from '@/lib/server/action';
import { formEntries, toForm, vocabulary } from '@/lib/testing/fuzz-forms';

// Every form schema, fed whatever a hostile client can post: no input may throw.
// app/writes.fuzz.test.ts takes what they accept on to the database.

type AnySchema = z.ZodType;

/** Every file under app/ that defines form schemas. */
function schemaFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(full);
    return /schema\.ts$/.test(entry.name) ? [full] : [];
  });
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
