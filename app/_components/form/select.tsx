import type { SelectHTMLAttributes } from 'react';
import { describedBy, FieldGroup, HintAndError } from './field-parts';

type SelectProps = {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  defaultValue?: string;
  /** For a filter: the empty choice may be chosen, with these words (e.g. "Any organisation"). */
  anyLabel?: string;
  /** Extra props for the select, such as react-hook-form's register(name). */
  selectProps?: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>;
};

export function Select({ name, label, options, error, defaultValue = '', anyLabel, selectProps }: SelectProps) {
  return (
    <FieldGroup error={error}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      <HintAndError name={name} error={error} />
      <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={name} name={name} defaultValue={defaultValue} aria-describedby={describedBy(name, undefined, error)} {...selectProps}>
        <option value="" disabled={!anyLabel}>
          {anyLabel ?? 'Choose'}
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}
