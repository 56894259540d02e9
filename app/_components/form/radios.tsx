type RadiosProps = {
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  inline?: boolean;
};

/** GOV.UK radios in a fieldset, with the legend as the question. */
export function Radios({ name, legend, hint, options, error, inline }: RadiosProps) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${name}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={`${name}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`} data-module="govuk-radios">
          {options.map((option, i) => (
            <div className="govuk-radios__item" key={option.value}>
              <input className="govuk-radios__input" id={i === 0 ? name : `${name}-${i}`} name={name} type="radio" value={option.value} />
              <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? name : `${name}-${i}`}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
