import { z } from 'zod';

const idSchema = z.string().regex(/^[1-9][0-9]{0,15}$/).transform(Number).pipe(z.number().int().safe());

/** A positive integer id from a URL segment, or null when the segment is anything else. */
export function parseId(raw: string): number | null {
  const parsed = idSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
