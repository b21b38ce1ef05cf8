/**
 * A table that below `sm` draws each row as a card of labelled lines: a phone cannot fit five or
 * seven columns, and a table scrolled sideways hides the buttons that act on its rows. The header
 * row stays for screen readers; each cell but the first names its column with CellLabel, shown
 * only on the card.
 */
export const stacked = {
  table: 'w-full text-left text-sm max-sm:block',
  thead: 'max-sm:sr-only',
  tbody: 'max-sm:block',
  row: 'border-b border-[var(--rule)] align-top max-sm:block max-sm:space-y-1 max-sm:py-3',
  /** The row's first cell, its title on the card. */
  first: 'py-2 max-sm:block max-sm:py-0',
  cell: 'max-sm:flex max-sm:flex-wrap max-sm:items-baseline max-sm:gap-x-2',
};

/** A cell's column name in front of its value where the row is a card (the header row is out of sight there). */
export function CellLabel({ children }: { children: string }) {
  return <span className="font-semibold sm:hidden">{children}:</span>;
}
