'use client';

/**
 * What a workspace page shows when an action or a render fails in the browser. Without it, a save
 * whose request never arrived (a dropped connection: "Failed to fetch") was an uncaught error
 * and Next replaced the whole page with "Application error: a client-side exception has
 * occurred". The workspace bar stays (it is the layout above), and Try again draws the page afresh.
 */
export default function WorkspaceError({ error, retry }: { error: unknown; retry: () => void }) {
  const offline = error instanceof TypeError || (typeof navigator !== 'undefined' && !navigator.onLine);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : '';
  return (
    <section aria-labelledby="workspace-error" className="panel max-w-2xl rounded-lg p-4">
      <h1 id="workspace-error" className="text-xl font-bold">
        {offline ? 'Not confirmed' : 'Something went wrong'}
      </h1>
      <p role="alert" className="mt-2">
        {offline
          ? 'The connection dropped before the server answered your last change, so it may or may not have been saved. Check the connection, then reload this page to see whether it was before you make it again (what you typed in that form needs typing again).'
          : `This page failed in the browser; nothing you had not saved was stored. Try again, and if it happens again tell whoever runs this Claimline${digest ? ` (reference ${digest})` : ''}.`}
      </p>
      <button type="button" onClick={() => retry()} className="mt-3 rounded border border-[var(--rule)] px-3 py-1 font-semibold">
        Try again
      </button>
    </section>
  );
}
