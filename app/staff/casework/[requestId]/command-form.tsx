'use client';

import { type ReactNode, useActionState } from 'react';
import { ErrorSummary } from '../../../_components/form/error-summary';
import { type FieldSpec, FormFields } from '../../../_components/form/form-fields';
import { caseworkFormSchema, type CommandName } from '@/lib/validation/casework-command';
import type { ChangeKey } from '@/lib/validation/correction-change';
import { useCheckedForm } from '../../../_components/form/use-checked-form';
import { caseworkAction, type CaseworkFormState } from './casework.action';
import { SummaryRow } from '@/app/_components/record/summary-row';

type Props = {
  requestId: string;
  command: CommandName;
  /** The request's item, for approving a change: its fields are checked with the item's change schema. */
  changeKey?: ChangeKey | null;
  /** The request's reference, shown above the heading. */
  caption: string;
  title: string;
  /** What the caseworker should know before deciding: shown under the heading, on the form only. */
  children?: ReactNode;
  fields: FieldSpec[];
  defaults?: Record<string, string>;
  hidden?: Record<string, string>;
  button: string;
  buttonClass?: string;
  /** A decision checked before it is made: the check step's heading, a line saying what happens, and its button. */
  check?: { title: string; consequence: string; button: string; buttonClass?: string };
};

/**
 * One decision on a request, the only form on its page: the error summary first, then the heading and the fields; for
 * a checked decision, then the answers shown back with "Change" and the button that makes it.
 */
export function CommandForm({ requestId, command, changeKey = null, caption, title, children, fields, defaults = {}, hidden = {}, button, buttonClass = '', check }: Props) {
  const [state, action, pending] = useActionState<CaseworkFormState, FormData>(caseworkAction, {});
  const values = state.values ?? defaults;
  // The hidden fields the schema reads (the record's version) are registered with their values; the rest are the page's.
  const { register, onSubmit, errors } = useCheckedForm<Record<string, unknown>, unknown>(caseworkFormSchema(command, changeKey), action, state.errors, hidden);
  const common = (
    <>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="command" value={command} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );

  if (check && state.checked) {
    const answers = state.checked;
    return (
      <>
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">{check.title}</h1>
        <form action={action}>
          {common}
          {Object.entries(values)
            .filter(([name]) => !(name in hidden))
            .map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
          <dl className="govuk-summary-list">
            {fields.map((field) => (
              <SummaryRow
                key={field.name}
                label={field.label}
                actions={
                  <button type="submit" name="step" value="change" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={pending}>
                    Change<span className="govuk-visually-hidden"> {field.label.toLowerCase()}</span>
                  </button>
                }
              >
                {shownValue(field, answers[field.name]) || 'Not given'}
              </SummaryRow>
            ))}
          </dl>
          <p className="govuk-body">{check.consequence}</p>
          <button type="submit" name="step" value="confirm" className={`govuk-button ${check.buttonClass ?? ''}`} data-module="govuk-button" disabled={pending}>
            {check.button}
          </button>
        </form>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="command" value={command} />
        {Object.keys(hidden).map((name) => (
          <input key={name} type="hidden" {...register(name)} />
        ))}
        <FormFields fields={fields} values={values} errors={errors} register={register} />
        <button type="submit" name="step" value="check" className={`govuk-button ${buttonClass}`} data-module="govuk-button" disabled={pending}>
          {button}
        </button>
      </form>
    </>
  );
}

const shownValue = (field: FieldSpec, value: string | undefined) => (field.kind === 'select' ? (field.options.find((o) => o.value === value)?.label ?? value) : value);
