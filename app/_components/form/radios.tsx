import type { InputHTMLAttributes } from 'react';
import { describedBy, FieldGroup, HintAndError } from './field-parts';

type RadiosProps = {
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: string; label: string; hint?: string }[];
  /** The question is the page's heading (GOV.UK: one question on the page). */
  headingLegend?: boolean;
  error?: string;
  inline?: boolean;
  /** The value chosen before the page came back (React resets a form after its action). */
  defaultValue?: string;
  /** Extra props for each input, such as react-hook-form's register(name). */
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value'>;
};

/** GOV.UK radios in a fieldset, with the legend as the question. */
export function Radios({ name, legend, hint, options, error, inline, defaultValue, inputProps, headingLegend }: RadiosProps) {
  return (
    <FieldGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        {headingLegend ? (
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
            <h1 className="govuk-fieldset__heading">{legend}</h1>
          </legend>
        ) : (
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        )}
        <HintAndError name={name} hint={hint} error={error} />
        <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`} data-module="govuk-radios">
          {options.map((option, i) => (
            <div className="govuk-radios__item" key={option.value}>
              <input
                className="govuk-radios__input"
                id={i === 0 ? name : `${name}-${i}`}
                name={name}
                type="radio"
                value={option.value}
                defaultChecked={defaultValue !== undefined && defaultValue === option.value}
                aria-describedby={option.hint ? `${name}-${i}-item-hint` : undefined}
                {...inputProps}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? name : `${name}-${i}`}>
                {option.label}
              </label>
              {option.hint ? (
                <div id={`${name}-${i}-item-hint`} className="govuk-hint govuk-radios__hint">
                  {option.hint}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>
    </FieldGroup>
  );
}
