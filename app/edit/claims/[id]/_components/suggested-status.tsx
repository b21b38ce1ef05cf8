import { StatusBadge } from '@/components/status-badge';
import { listClaimResponses, listClaimSources } from '@/db/queries/sources';
import { suggestStatus } from '@/lib/suggest-status';

/** "Suggested: <badge> — reason", from the claim's sources and responses; shown beside the status field. */
export function SuggestedStatus({ claimId }: { claimId: number }) {
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
