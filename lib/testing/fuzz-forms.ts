// fast-check generators for posted forms, shared by the schema and database-write fuzz tests.
import fc from 'fast-check';

/** Field names and literal values a zod schema knows, so the fuzzer reaches past the first check. */
export function vocabulary(schema: unknown, names = new Set<string>(), words = new Set<string>()) {
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

/** Values that have broken form handling somewhere: numbers at the edges, prototype keys, lone surrogates, markup. */
export const nasty = fc.constantFrom(
  '', ' ', '0', '-1', '1.5', '1e309', 'NaN', 'Infinity', '9007199254740993', 'true', 'on', 'null', 'undefined',
  '__proto__', 'constructor', '\u0000', '\uD800', 'e\u0301', '👍🏽', 'مرحبا', '<script>alert(1)</script>',
  'javascript:alert(1)', 'http://127.0.0.1/', 'https://example.org/a', '2026-02-30', '2026-11-26', 'x'.repeat(5000),
);

/** A posted form: known and unknown field names, strings (sometimes repeated) as values. */
export function formEntries(names: string[], words: string[], maxLength = 20) {
  const name = fc.oneof(fc.constantFrom(...names, '__proto__', 'constructor', '$ACTION_ID_x'), fc.string({ maxLength: 8 }));
  const value = fc.oneof(fc.constantFrom(...(words.length ? words : [''])), nasty, fc.string(), fc.string({ unit: 'binary', maxLength: 50 }));
  return fc.array(fc.tuple(name, value), { maxLength });
}

export function toForm(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
}

/**
 * One posted field: mostly one of `good` (values the schema accepts, whether or not they
 * make sense to the database), now and then one it should reject, hostile, or missing.
 */
export function field(good: string[], rejected: string[] = []): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 24, arbitrary: fc.constantFrom<string | undefined>(...good) },
    ...(rejected.length ? [{ weight: 1, arbitrary: fc.constantFrom(...rejected) }] : []),
    { weight: 1, arbitrary: nasty },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Named fields (missing ones left out) and, sometimes, a few stray entries, as a posted form. */
export function posted(fields: Record<string, string | undefined>, stray: [string, string][] = []): FormData {
  const entries = Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined);
  return toForm([...entries, ...stray]);
}

/** A few stray entries, now and then, posted beside a form's fields. */
export const strays = (names: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constant([] as [string, string][]) }, { weight: 1, arbitrary: formEntries(names, [], 3) });
