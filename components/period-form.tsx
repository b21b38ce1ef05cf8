import type { Period } from '@/lib/stats';

/** The statistics period as a plain GET form: works without JavaScript, and the address can be shared. */
export function PeriodForm({ period, errors, action }: { period: Period; errors?: Record<string, string>; action: string }) {
  const message = errors ? Object.values(errors)[0] : undefined;
  return (
    <form method="get" action={action} className="panel flex flex-wrap items-end gap-4 rounded-lg p-3" aria-label="Period">
      <div>
        <label htmlFor="period-from" className="block text-sm font-semibold">
          From month
        </label>
        <input
          id="period-from"
          type="month"
          name="from"
          defaultValue={period.from}
          aria-invalid={errors?.from ? true : undefined}
          aria-describedby={message ? 'period-error' : undefined}
          className="mt-1 rounded border border-[var(--rule)] bg-[var(--page-bg)] px-2 py-1"
        />
      </div>
      <div>
        <label htmlFor="period-to" className="block text-sm font-semibold">
          To month
        </label>
        <input
          id="period-to"
          type="month"
          name="to"
          defaultValue={period.to}
          aria-invalid={errors?.to ? true : undefined}
          className="mt-1 rounded border border-[var(--rule)] bg-[var(--page-bg)] px-2 py-1"
        />
      </div>
      <button type="submit" className="rounded border border-[var(--rule)] px-3 py-1.5 font-semibold">
        Show
      </button>
      {message ? (
        <p id="period-error" role="alert" className="w-full text-sm text-red-800 dark:text-red-200">
          {message} Showing the last twelve months instead.
        </p>
      ) : null}
    </form>
  );
}
