import type { Status } from '@/lib/status';

// One drawing per status, after its glyph in lib/status.ts (which the share image still uses as text).
const DRAWINGS: Record<Status, React.ReactNode> = {
  unverified: (
    <>
      <path d="M5.5 6a2.5 2.5 0 1 1 3.6 2.25c-.75.35-1.1.95-1.1 1.75v.5" />
      <circle cx="8" cy="13.2" r="1.1" fill="currentColor" stroke="none" />
    </>
  ),
  confirmed: <path d="M3 8.5l3.2 3.2L13 4.5" />,
  partly_true: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M8 2.5a5.5 5.5 0 0 0 0 11z" fill="currentColor" />
    </>
  ),
  disputed: (
    <>
      <path d="M8 2.8v6.7" />
      <circle cx="8" cy="13.2" r="1.1" fill="currentColor" stroke="none" />
    </>
  ),
  false: <path d="M4 4l8 8M12 4l-8 8" />,
  retracted: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M4.1 11.9l7.8-7.8" />
    </>
  ),
  opinion: (
    <>
      <circle cx="5" cy="10" r="2" fill="currentColor" stroke="none" />
      <path d="M3.1 9.6C3.1 7 4.3 5.4 6.4 4.6" />
      <circle cx="11" cy="10" r="2" fill="currentColor" stroke="none" />
      <path d="M9.1 9.6C9.1 7 10.3 5.4 12.4 4.6" />
    </>
  ),
  prediction: <path d="M4 12L12 4M6.5 4H12v5.5" />,
  not_checkable: (
    <>
      <circle cx="8" cy="8" r="4.5" />
      <path d="M3 13L13 3" />
    </>
  ),
};

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
      {DRAWINGS[status]}
    </svg>
  );
}
