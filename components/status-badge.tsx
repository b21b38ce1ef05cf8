import { STATUS_INFO, type Status } from '@/lib/status';
import { StatusIcon } from './status-icon';

/** A status as a word and an icon, never colour alone. */
export function StatusBadge({ status, className = '' }: { status: Status; className?: string }) {
  const info = STATUS_INFO[status];
  return (
    <span className={`badge status-${status} ${className}`} title={info.description}>
      <StatusIcon status={status} />
      {info.label}
    </span>
  );
}
