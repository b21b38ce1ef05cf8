'use client';

import { useState } from 'react';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * "Saved at 14:02" under the claim form once this editor's save has come back as a new
 * version. The form itself remounts on every new version (its fields take the saved
 * values), which drops its own success message, so the notice lives around it. The
 * live region is always in the page, so screen readers announce the text when it appears.
 */
export function SavedNotice({ version, updatedAt, children }: { version: number; updatedAt: Date; children: React.ReactNode }) {
  // The version this editor last submitted from; a newer version afterwards is that save.
  const [submittedFrom, setSubmittedFrom] = useState<number | null>(null);
  const saved = submittedFrom !== null && version > submittedFrom;
  return (
    <div onSubmit={() => setSubmittedFrom(version)}>
      {children}
      <p role="status" aria-live="polite" className="mt-2 text-sm font-semibold">
        {saved ? (
          <>
            Saved at <time dateTime={updatedAt.toISOString()}>{timeFormat.format(updatedAt)}</time>
          </>
        ) : null}
      </p>
    </div>
  );
}
