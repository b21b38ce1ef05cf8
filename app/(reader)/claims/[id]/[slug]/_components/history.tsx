import { describeEvent, eventNote } from '@/lib/events';
import { formatDate, isoDate } from '@/lib/format';

type Event = {
  id: number;
  at: Date;
  kind: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** The claim's full change history from claim_events, oldest first. */
export function History({ events }: { events: Event[] }) {
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      <ol className="mt-2 space-y-2 text-sm">
        {events.map((e) => {
          const note = eventNote(e.kind, e.after);
          return (
            <li key={e.id}>
              <time dateTime={isoDate(e.at)} className="muted">
                {formatDate(e.at)}
              </time>{' '}
              — {describeEvent(e.kind, e.before, e.after)}
              {note ? <span className="muted">: {note}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
