/** Marks invented first-run content wherever it shows, so nobody takes it for the newsroom's work. */
export function DemoLabel({ className = '' }: { className?: string }) {
  return (
    <span
      className={`inline-flex items-center rounded border border-dashed border-current px-1.5 align-middle text-xs font-semibold uppercase tracking-wide text-[var(--muted)] ${className}`}
      title="Invented example content loaded on the first start; an admin can remove it."
    >
      Demo<span className="sr-only"> content</span>
    </span>
  );
}
