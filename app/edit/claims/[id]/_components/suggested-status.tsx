import { StatusBadge } from '@/components/status-badge';
import { listClaimResponses, listClaimSources } from '@/db/queries/sources';
import { STATUS_INFO, type Status } from '@/lib/status';
import { suggestStatus } from '@/lib/suggest-status';

/**
 * "Suggested: <badge> — reason", from the claim's sources and responses; shown beside the status
 * field. Nothing for a claim recorded as not checkable: evidence does not make an opinion a verdict.
 */
export function SuggestedStatus({ claimId, status: current }: { claimId: number; status: Status }) {
  if (!STATUS_INFO[current].checkable) return null;
  const { status, reason } = suggestStatus({
    relations: listClaimSources({ claimId }).map((s) => s.relation),
    stances: listClaimResponses({ claimId }).map((r) => r.stance),
  });
  return (
    <p className="text-sm" data-testid="suggested-status">
      Suggested: <StatusBadge status={status} /> — {reason}
    </p>
  );
}
