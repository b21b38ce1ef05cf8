import type { Status } from './status';

/**
 * The drawing of each status's icon as plain data (16×16, stroked in the text colour), so the
 * React icon and the publisher overlay (embed/) draw the same shapes. After each status's
 * glyph in lib/status.ts, which the share image still uses as text.
 */
export type IconShape =
  | { path: string; filled?: boolean }
  | { circle: [cx: number, cy: number, r: number]; dot?: boolean };

const dot = (cx: number, cy: number, r: number): IconShape => ({ circle: [cx, cy, r], dot: true });

export const STATUS_ICONS: Record<Status, IconShape[]> = {
  unverified: [{ path: 'M5.5 6a2.5 2.5 0 1 1 3.6 2.25c-.75.35-1.1.95-1.1 1.75v.5' }, dot(8, 13.2, 1.1)],
  confirmed: [{ path: 'M3 8.5l3.2 3.2L13 4.5' }],
  partly_true: [{ circle: [8, 8, 5.5] }, { path: 'M8 2.5a5.5 5.5 0 0 0 0 11z', filled: true }],
  disputed: [{ path: 'M8 2.8v6.7' }, dot(8, 13.2, 1.1)],
  false: [{ path: 'M4 4l8 8M12 4l-8 8' }],
  retracted: [{ circle: [8, 8, 5.5] }, { path: 'M4.1 11.9l7.8-7.8' }],
  opinion: [dot(5, 10, 2), { path: 'M3.1 9.6C3.1 7 4.3 5.4 6.4 4.6' }, dot(11, 10, 2), { path: 'M9.1 9.6C9.1 7 10.3 5.4 12.4 4.6' }],
  prediction: [{ path: 'M4 12L12 4M6.5 4H12v5.5' }],
  not_checkable: [{ circle: [8, 8, 4.5] }, { path: 'M3 13L13 3' }],
};

/** The SVG attributes every status icon shares. */
export const ICON_ATTRIBUTES = {
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': '2',
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;
