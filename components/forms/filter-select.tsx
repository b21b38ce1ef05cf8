/** The look of a control in a GET filter form (selects here, and the forms' own inputs). */
export const filterControlClass = 'mt-1 block w-full rounded border border-[var(--rule)] bg-[var(--page-bg)] px-2 py-1.5';

/** Ties a filter control to its error message (see FilterError) for screen readers. */
export const errorAttributes = (name: string, error: string | undefined) =>
  error ? { 'aria-describedby': `${name}-error`, 'aria-invalid': true } : {};

/** Why the URL's value for a filter could not be used. */
export function FilterError({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <p id={`${name}-error`} className="mt-1 text-sm font-semibold text-[var(--error)]">
      {error}
    </p>
  ) : null;
}

type Props = {
  label: string;
  name: string;
  /** The value in the URL now; undefined selects the `any` option. */
  value: string | number | undefined;
  options: readonly { value: string | number; label: string }[];
  /** A first option with an empty value, meaning "no filter" (e.g. "Any party"). */
  any?: string;
  error?: string;
  className?: string;
};

/**
 * A labelled select in a plain GET form (filters, comparisons): the page reads the
 * choice from the URL, so it works without JavaScript. The select's id is its name.
 */
export function FilterSelect({ label, name, value, options, any, error, className }: Props) {
  return (
    <div className={className}>
      <label htmlFor={name} className="font-semibold">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ''} className={filterControlClass} {...errorAttributes(name, error)}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FilterError name={name} error={error} />
    </div>
  );
}
