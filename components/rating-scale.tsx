import { RATING_SCALE, STATUSES, STATUS_INFO } from '@/lib/status';
import { StatusBadge } from './status-badge';

/**
 * The rating scale as the app applies it, drawn from lib/status.ts: a policy page can
 * describe it in its own words, but this table cannot drift from what claim pages show.
 */
export function RatingScale() {
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Statuses, what they mean, and their fact-check rating</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Meaning</th>
            <th scope="col">Verdict</th>
            <th scope="col">
              ClaimReview rating ({RATING_SCALE.worst}–{RATING_SCALE.best})
            </th>
          </tr>
        </thead>
        <tbody>
          {STATUSES.map((s) => {
            const info = STATUS_INFO[s];
            return (
              <tr key={s}>
                <th scope="row" className="font-normal">
                  <StatusBadge status={s} />
                </th>
                <td>{info.description}</td>
                <td>{info.rating ? 'Yes' : info.checkable ? 'No (not a verdict)' : 'No (cannot be checked)'}</td>
                <td>{info.rating ? `${info.rating.value}: “${info.rating.alternateName}”` : 'None (no ClaimReview published)'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
