'use client';

import { useRouter } from 'next/navigation';

/** The conflict answer of a compare-and-set form: the row as another editor saved it, or null. */
export function theirRow<T extends { version: number }>(state: { ok: boolean; code?: string; detail?: unknown }): T | null {
  if (state.ok || state.code !== 'conflict') return null;
  const d = state.detail as Partial<T> | undefined;
  return d && typeof d.version === 'number' ? (d as T) : null;
}

/**
 * Shown when someone else saved the row after this form was opened: their values beside the
 * editor's input, which stays in the fields. Saving again replaces theirs knowingly (the form then
 * carries their version); "Take theirs" reloads.
 */
export function TheirVersion({ rows }: { rows: [label: string, value: string][] }) {
  const router = useRouter();
  return (
    <section aria-label="Their saved version" className="mb-4 rounded border-2 border-amber-600 p-3">
      <h3 className="font-semibold">Their saved version</h3>
      <p className="text-sm">Another editor saved this after you opened it. Your input is still below: save again to replace theirs.</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="mt-3 rounded border border-[var(--rule)] px-3 py-2 font-semibold" onClick={() => router.refresh()}>
        Take theirs
      </button>
    </section>
  );
}
