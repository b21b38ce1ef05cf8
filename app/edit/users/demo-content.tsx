import { ConfirmAction } from '@/components/forms/confirm-action';
import { hasDemoContent } from '@/db/queries/demo';
import { removeDemoAction } from './demo-actions';

/** The admin's way out of the first-run demo: everything marked “Demo” goes at once. */
export function DemoContent() {
  const present = hasDemoContent();
  return (
    <section aria-labelledby="demo-heading" className="mb-8">
      <h2 id="demo-heading" className="mb-2 text-lg font-semibold">
        Demo content
      </h2>
      {present ? (
        <>
          <p className="mb-3 text-sm">
            The invented articles, claims, parties and sources loaded on the first start are marked “Demo” on every page. Remove them
            before readers arrive.
          </p>
          <ConfirmAction
            action={removeDemoAction}
            fields={{ demo: 'remove' }}
            opener="Remove demo content…"
            title="Remove all demo content?"
            confirm="Remove demo content"
            pendingText="Removing…"
          >
            <p>
              The demo articles, their revisions and claims (with sources cited, responses and history), and the demo parties and sources
              are deleted. Nothing your newsroom made is touched: a demo party or source one of your claims uses is kept as your own.
              This cannot be undone.
            </p>
          </ConfirmAction>
        </>
      ) : (
        <p className="muted text-sm">No demo content: everything here is your newsroom’s own.</p>
      )}
    </section>
  );
}
