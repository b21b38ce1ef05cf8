import { useId } from 'react';

/** The part of an action's result a form shows (see lib/server/action.ts ActionState). */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
};

type FieldProps = {
  label: string;
  name: string;
  state?: FormState;
  defaultValue?: string;
  hint?: string;
  multiline?: boolean;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'defaultValue'> &
  Pick<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'rows'>;

export const inputClass =
  'mt-1 w-full rounded border border-[var(--rule)] bg-[var(--page-bg)] px-3 py-2 text-base aria-[invalid=true]:border-red-600';

type ControlProps = { id: string; defaultValue?: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/**
 * Label, hint and errors around one control, wired for screen readers; after a
 * failed save the control shows what was submitted (`state.values`).
 */
function FieldFrame({
  label,
  name,
  state,
  defaultValue,
  hint,
  control,
}: {
  label: string;
  name: string;
  state?: FormState;
  defaultValue?: string;
  hint?: string;
  control: (props: ControlProps) => React.ReactNode;
}) {
  const id = useId();
  const errors = state?.fieldErrors?.[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="muted text-xs">
          {hint}
        </p>
      ) : null}
      {control({ id, defaultValue: state?.values?.[name] ?? defaultValue, 'aria-invalid': errors.length > 0, 'aria-describedby': describedBy })}
      {errors.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and errors; after a failed save it shows what was typed. */
export function Field({ label, name, state, defaultValue, hint, multiline, rows, ...rest }: FieldProps) {
  return (
    <FieldFrame
      label={label}
      name={name}
      state={state}
      defaultValue={defaultValue}
      hint={hint}
      control={(props) =>
        multiline ? (
          <textarea
            {...props}
            name={name}
            className={inputClass}
            rows={rows ?? 6}
            required={rest.required}
            maxLength={rest.maxLength}
            placeholder={rest.placeholder}
            autoFocus={rest.autoFocus}
            disabled={rest.disabled}
            dir={rest.dir}
          />
        ) : (
          <input {...props} name={name} className={inputClass} {...rest} />
        )
      }
    />
  );
}

// Its own client module: it opens the <details> around it, and server pages import this one.
export { FormMessage } from './form-message';

type SelectFieldProps = {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  state?: FormState;
  defaultValue?: string;
  hint?: string;
  /** A first option with an empty value, e.g. "— none —". */
  placeholder?: string;
};

/** A labelled select with its hint and errors; after a failed save it shows what was chosen. */
export function SelectField({ label, name, options, state, defaultValue, hint, placeholder }: SelectFieldProps) {
  return (
    <FieldFrame
      label={label}
      name={name}
      state={state}
      defaultValue={defaultValue}
      hint={hint}
      control={(props) => (
        // Keyed by the value sent: React resets a form after its action, and a select keeps the default it
        // was first drawn with (a changed defaultValue is not applied), so after a failed save it went back
        // to it ("— awaiting reply —" instead of the stance chosen) and pressing again sent the wrong value.
        <select key={state?.values?.[name] ?? ''} {...props} name={name} className={inputClass}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
