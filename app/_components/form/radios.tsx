import type { InputHTMLAttributes, ReactNode } from 'react';
import { Fragment } from 'react';
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
  /**
   * Questions revealed under an option while it is chosen (GOV.UK's conditional reveal), by the option's value.
   * Without JavaScript they are always shown, so the server must ask for them only when their option is chosen.
   */
  conditional?: Record<string, ReactNode>;
};

/**
 * The conditional reveal drawn by the stylesheet alone: hidden where GOV.UK Frontend runs until its option is chosen,
 * always shown where it does not. GOV.UK Frontend's own script would mark the radio aria-expanded, which ARIA does
 * not allow on a radio (axe reports it), so it is not asked to.
 */
const REVEAL_WHEN_CHOSEN = `
.govuk-frontend-supported .app-radios__conditional{display:none}
.govuk-frontend-supported .govuk-radios__item:has(>.govuk-radios__input:checked)+.app-radios__conditional{display:block}`;

/** GOV.UK radios in a fieldset, with the legend as the question. */
export function Radios({ name, legend, hint, options, error, inline, defaultValue, inputProps, headingLegend, conditional }: RadiosProps) {
  return (
    <FieldGroup error={error}>
      {conditional ? (
        <style href="app-radios-conditional" precedence="default">
          {REVEAL_WHEN_CHOSEN}
        </style>
      ) : null}
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
          {options.map((option, i) => {
            const id = i === 0 ? name : `${name}-${i}`;
            const chosen = defaultValue !== undefined && defaultValue === option.value;
            const revealed = conditional?.[option.value];
            return (
              <Fragment key={option.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name={name}
                    type="radio"
                    value={option.value}
                    defaultChecked={chosen}
                    aria-describedby={option.hint ? `${name}-${i}-item-hint` : undefined}
                    {...inputProps}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div id={`${name}-${i}-item-hint`} className="govuk-hint govuk-radios__hint">
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {revealed ? (
                  <div className="govuk-radios__conditional app-radios__conditional" id={`conditional-${id}`}>
                    {revealed}
                  </div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </FieldGroup>
  );
}
