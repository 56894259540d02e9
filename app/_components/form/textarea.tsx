import type { TextareaHTMLAttributes } from 'react';
import { describedBy, FieldGroup, HintAndError } from './field-parts';

type TextareaProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** Bold label, for a question that is the page's main point. */
  strongLabel?: boolean;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'className'>;

/** GOV.UK textarea with its label, hint and inline error. Extra props (react-hook-form's register) go to the element. */
export function Textarea({ name, label, hint, error, strongLabel, rows = 4, ...textarea }: TextareaProps) {
  return (
    <FieldGroup error={error}>
      <label className={`govuk-label${strongLabel ? ' govuk-label--s' : ''}`} htmlFor={name}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        aria-describedby={describedBy(name, hint, error)}
        {...textarea}
      />
    </FieldGroup>
  );
}
