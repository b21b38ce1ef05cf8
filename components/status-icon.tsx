import type { Status } from '@/lib/status';
import { STATUS_ICONS } from '@/lib/status-icons';

/**
 * A status's icon, drawn in the surrounding colour. Drawn rather than written: a lone
 * symbol as text is something axe cannot measure, so it reported every badge as an
 * undecided contrast check. The icon is decoration beside the status word, which
 * carries the meaning and the contrast.
 */
export function StatusIcon({ status }: { status: Status }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="inline-block shrink-0 align-[-0.125em]"
    >
      {STATUS_ICONS[status].map((shape, i) =>
        'path' in shape ? (
          <path key={i} d={shape.path} fill={shape.filled ? 'currentColor' : undefined} />
        ) : (
          <circle
            key={i}
            cx={shape.circle[0]}
            cy={shape.circle[1]}
            r={shape.circle[2]}
            fill={shape.dot ? 'currentColor' : undefined}
            stroke={shape.dot ? 'none' : undefined}
          />
        ),
      )}
    </svg>
  );
}
