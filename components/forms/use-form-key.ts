'use client';

import { useState } from 'react';

/**
 * A create form's one-time key (newFormKey) as the form keeps it: the key drawn with the first
 * render, replaced by a newly drawn one only after this form's save was answered ok. The server
 * draws a key on every render, and every save of another form on the page refreshes it: taken
 * as it came, a refresh between "Not confirmed" and pressing again gave the same form a new key,
 * so a save that had arrived was saved twice. Without JavaScript the page is drawn anew after
 * each post, with the key the server drew.
 */
export function useFormKey(drawn: string, answer: { ok: boolean }): string;
export function useFormKey(drawn: string | undefined, answer: { ok: boolean }): string | undefined;
export function useFormKey(drawn: string | undefined, answer: { ok: boolean }): string | undefined {
  const [kept, setKept] = useState({ key: drawn, answer, savedSince: false });
  let next = kept;
  // A new answer: an ok one means the kept key is spent (its save is stored).
  if (answer !== next.answer) next = { ...next, answer, savedSince: next.savedSince || answer.ok };
  // The key the refresh after that save drew (it may come in the same render as the answer, or after it).
  if (next.savedSince && drawn !== next.key) next = { key: drawn, answer: next.answer, savedSince: false };
  if (next !== kept) setKept(next);
  return next.key;
}
