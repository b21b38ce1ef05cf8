import { Disclosure } from '@/components/disclosure';
import { ActionButton } from '@/components/forms/action-button';
import { listParties } from '@/db/queries/parties';
import { listClaimResponses } from '@/db/queries/sources';
import { dayValue, newFormKey } from '@/lib/form-fields';
import { formatDate } from '@/lib/format';
import { STANCE_LABELS } from '@/lib/vocabulary';
import { ResponseForm } from './response-form';
import { removeResponseAction } from './responses-actions';
import { PartyQuote } from '@/components/party-quote';

type Row = ReturnType<typeof listClaimResponses>[number];

/** What the editor sees for one response: the stance, or where the request for comment stands. */
function describe(r: Row, now: Date): string {
  if (r.stance && r.stance !== 'no_response') return `${r.partyName} ${STANCE_LABELS[r.stance]}`;
  const asked = r.requestedAt ? `asked on ${formatDate(r.requestedAt)}` : 'asked for comment';
  if (r.stance === 'no_response' || (r.deadlineAt && r.deadlineAt < now)) {
    return `${r.partyName} ${asked}, no response by ${formatDate(r.deadlineAt)}`;
  }
  return `${r.partyName} ${asked}${r.deadlineAt ? `, reply due by ${formatDate(r.deadlineAt)}` : ''}`;
}

/** Where a response's edit form is drawn open by the server: the fallback of its disclosure without JavaScript. */
export const editResponsePath = (claimId: number, responseId: number) => `/edit/claims/${claimId}?response=${responseId}#response-${responseId}`;

/**
 * A claim's responses and requests for comment: list, edit, remove, add. The page around it checks
 * the session. A response's edit form is drawn only when its "Edit" is opened (each carries a
 * picker of every party, which every save would otherwise draw again), or by the server for
 * `openResponse` (the link that stands in for it without JavaScript).
 */
export function ResponsesSection({ claimId, openResponse, now = new Date() }: { claimId: number; openResponse?: number; now?: Date }) {
  const responses = listClaimResponses({ claimId });
  const parties = listParties();
  return (
    <section aria-labelledby="editor-responses-heading" className="mt-6">
      <h2 id="editor-responses-heading" className="text-lg font-semibold">
        Responses
      </h2>
      {responses.length === 0 ? <p className="muted mt-1 text-sm">No responses or requests for comment yet.</p> : null}
      <ul className="mt-2 space-y-3">
        {responses.map((r) => (
          <li key={r.id} id={`response-${r.id}`} className="panel rounded p-3" aria-label={`Response from ${r.partyName}`}>
            <p>
              {describe(r, now)}
              {r.respondedAt ? <span className="muted text-sm"> · {formatDate(r.respondedAt)}</span> : null}
            </p>
            {r.quote ? <PartyQuote text={r.quote} /> : null}
            <div className="mt-2 flex flex-wrap items-start gap-4">
              <Disclosure
                summary="Edit"
                className="flex-1"
                open={r.id === openResponse}
                fallback={<a href={editResponsePath(claimId, r.id)}>Open the form to edit this response</a>}
              >
                <ResponseForm
                  claimId={claimId}
                  parties={parties}
                  label={`Edit response from ${r.partyName}`}
                  response={{
                    id: r.id,
                    version: r.version,
                    partyId: String(r.partyId),
                    stance: r.stance ?? '',
                    quote: r.quote,
                    respondedAt: dayValue(r.respondedAt),
                    sourceUrl: r.sourceUrl ?? '',
                    requestedAt: dayValue(r.requestedAt),
                    deadlineAt: dayValue(r.deadlineAt),
                  }}
                />
              </Disclosure>
              <ActionButton action={removeResponseAction} fields={{ claimId, responseId: r.id }} label={`Remove response from ${r.partyName}`} danger>
                Remove
              </ActionButton>
            </div>
          </li>
        ))}
      </ul>
      <details className="mt-3">
        <summary className="cursor-pointer font-semibold">Add a response or request for comment</summary>
        {/* A new key with every render: the page drawn again after a save brings the next response's. */}
        <ResponseForm claimId={claimId} parties={parties} label="Add a response" formKey={newFormKey()} />
      </details>
    </section>
  );
}
