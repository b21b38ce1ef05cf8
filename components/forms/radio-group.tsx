/** A labelled group of radio buttons in a row; controlled with `value`, or left to the DOM with `defaultValue`. */
export function RadioGroup<V extends string>({
  legend,
  name,
  options,
  value,
  defaultValue,
  onChange,
  className = 'mb-5',
}: {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value?: V;
  defaultValue?: V;
  onChange: (value: V) => void;
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className="mb-2 text-sm font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={o.value}
              {...(value === undefined ? { defaultChecked: o.value === defaultValue } : { checked: o.value === value })}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
