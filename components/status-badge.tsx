import { STATUS_INFO, type Status } from '@/lib/status';

/** A status as a word and an icon, never colour alone. */
export function StatusBadge({ status, className = '' }: { status: Status; className?: string }) {
  const info = STATUS_INFO[status];
  return (
    <span className={`badge status-${status} ${className}`} title={info.description}>
      <span aria-hidden="true">{info.icon}</span>
      {info.label}
    </span>
  );
}
