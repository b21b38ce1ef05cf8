import { statusTally, type Status } from '@/lib/status';
import { StatusBadge } from './status-badge';

/** An article's claims as badges per checkable status, with opinions and the like counted apart (they have no verdict). */
export function StatusTally({ counts }: { counts: Partial<Record<Status, number>> }) {
  const { checkable, notCheckable } = statusTally(counts);
  return (
    <>
      {checkable.map(({ status, count }) => (
        <span key={status} className="inline-flex items-center gap-1">
          <StatusBadge status={status} />
          <span>× {count}</span>
        </span>
      ))}
      {notCheckable > 0 ? <span className="muted">{notCheckable} not checkable</span> : null}
    </>
  );
}
