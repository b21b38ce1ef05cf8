import type { EditorArticle } from '@/db/queries/annotator';

/** A short fingerprint of what the article text draws: every claim's id, place, status, publication and anchor state. */
export function bodySignature(claims: EditorArticle['claims']): string {
  let hash = 5381;
  for (const c of claims) {
    const key = `${c.id}:${c.start}:${c.end}:${c.status}:${c.published ? 1 : 0}:${c.anchorState};`;
    for (let i = 0; i < key.length; i++) hash = ((hash * 33) ^ key.charCodeAt(i)) >>> 0;
  }
  return `${claims.length}-${hash.toString(36)}`;
}
