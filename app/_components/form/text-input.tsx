import type { InputHTMLAttributes } from 'react';

type TextInputProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  className?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'inputMode' | 'spellCheck' | 'autoCapitalize'>;

/** GOV.UK text input with its label, hint and inline error. */
export function TextInput({ name, label, hint, error, className, ...input }: TextInputProps) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
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
      <input
        id={name}
        name={name}
        className={`govuk-input${error ? ' govuk-input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}
