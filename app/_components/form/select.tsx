type SelectProps = { name: string; label: string; options: readonly { value: string; label: string }[]; error?: string };

export function Select({ name, label, options, error }: SelectProps) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      {error ? (
        <p id={`${name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={name} name={name} defaultValue="" aria-describedby={error ? `${name}-error` : undefined}>
        <option value="" disabled>
          Choose
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
