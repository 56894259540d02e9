/** A value from the query string if it is one of the options, else the fallback: lists are filtered by known values only. */
export const pick = <T extends string>(value: unknown, options: { value: string }[], fallback: T): T =>
  typeof value === 'string' && options.some((o) => o.value === value) ? (value as T) : fallback;

/** One of a list's filters: a select in the GET form above the list. */
export function FilterChoice({ name, label, options, value }: { name: string; label: string; options: { value: string; label: string }[]; value: string }) {
  return (
    <div className="govuk-form-group govuk-!-margin-right-4">
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      <select className="govuk-select" id={name} name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
