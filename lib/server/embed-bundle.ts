import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Where scripts/build-embed.mjs writes the bundle (EMBED_FILE there).
const FILE = path.join(process.cwd(), '.next', 'claimline', 'embed.js');

export type EmbedBundle = { code: Buffer; version: string };

let loaded: EmbedBundle | null = null;

/** The built overlay and its version (a hash of its bytes); null when it was never built. Read once, except in development. */
export function embedBundle(): EmbedBundle | null {
  if (loaded && process.env.NODE_ENV !== 'development') return loaded;
  try {
    const code = fs.readFileSync(FILE);
    loaded = { code, version: createHash('sha256').update(code).digest('base64url').slice(0, 16) };
  } catch {
    loaded = null;
  }
  return loaded;
}
