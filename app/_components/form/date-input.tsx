import type { InputHTMLAttributes } from 'react';
import { describedBy, FieldGroup, HintAndError } from './field-parts';

type DateInputProps = {
  /** The date's field name; the parts are `<name>Day`, `<name>Month` and `<name>Year` (see foldDateParts). */
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  values: Record<string, string>;
  /** The question is the page's heading (GOV.UK: one question on the page). */
  headingLegend?: boolean;
  /** Extra props for each part's input, by the part's field name, such as react-hook-form's register. */
  partProps?: (partName: string) => Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;
};

/** GOV.UK date input: day, month and year in a fieldset, with the legend as the question. */
export function DateInput({ name, legend, hint, error, values, headingLegend, partProps }: DateInputProps) {
  const part = (suffix: 'Day' | 'Month' | 'Year', width: string) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${name}${suffix}`}>
          {suffix}
        </label>
        <input
          className={`govuk-input govuk-date-input__input ${width}${error ? ' govuk-input--error' : ''}`}
          id={`${name}${suffix}`}
          name={`${name}${suffix}`}
          type="text"
          inputMode="numeric"
          defaultValue={values[`${name}${suffix}`]}
          {...partProps?.(`${name}${suffix}`)}
        />
      </div>
    </div>
  );
  return (
    <FieldGroup error={error}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(name, hint, error)}>
        {headingLegend ? (
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
            <h1 className="govuk-fieldset__heading">{legend}</h1>
          </legend>
        ) : (
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        )}
        <HintAndError name={name} hint={hint} error={error} />
        <div className="govuk-date-input" id={name}>
          {part('Day', 'govuk-input--width-2')}
          {part('Month', 'govuk-input--width-2')}
          {part('Year', 'govuk-input--width-4')}
        </div>
      </fieldset>
    </FieldGroup>
  );
}
