import { describedBy, FieldGroup, HintAndError } from './field-parts';
import type { InputHTMLAttributes } from 'react';

type TextInputProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  className?: string;
  /** Extra props for the input, such as react-hook-form's register(name). */
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'inputMode' | 'spellCheck' | 'autoCapitalize'>;

/** GOV.UK text input with its label, hint and inline error. */
export function TextInput({ name, label, hint, error, className, inputProps, ...input }: TextInputProps) {
  return (
    <FieldGroup error={error}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        className={`govuk-input${error ? ' govuk-input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(name, hint, error)}
        {...input}
        {...inputProps}
      />
    </FieldGroup>
  );
}
