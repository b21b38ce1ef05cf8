import type { EditorArticle } from '@/db/queries/annotator';

/** A short fingerprint of what the layout shows of the claims (text highlights and claim list): id, place, statement, status, publication, anchor state. */
export function bodySignature(claims: EditorArticle['claims']): string {
  let hash = 5381;
  for (const c of claims) {
    const key = `${c.id}:${c.start}:${c.end}:${c.status}:${c.published ? 1 : 0}:${c.anchorState}:${c.own ? 1 : 0}:${c.statement};`;
    for (let i = 0; i < key.length; i++) hash = ((hash * 33) ^ key.charCodeAt(i)) >>> 0;
  }
  return `${claims.length}-${hash.toString(36)}`;
}
