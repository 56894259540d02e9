'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../_components/form/error-summary';
import { type FieldSpec, FormFields } from '../../../_components/form/form-fields';
import type { CommandName } from '@/lib/validation/casework-command';
import { caseworkAction, type CaseworkFormState } from './casework.action';

type Props = {
  requestId: string;
  command: CommandName;
  fields: FieldSpec[];
  defaults?: Record<string, string>;
  hidden?: Record<string, string>;
  button: string;
  buttonClass?: string;
};

/** One thing a caseworker can do to a request: its fields, its button, and its errors shown beside it. */
export function CommandForm({ requestId, command, fields, defaults = {}, hidden = {}, button, buttonClass = '' }: Props) {
  const [state, action, pending] = useActionState<CaseworkFormState, FormData>(caseworkAction, {});
  const mine = state.command === command || (!state.command && state.message && command === 'apply');
  const errors = mine ? (state.errors ?? {}) : {};
  const values = mine && state.values ? state.values : defaults;
  return (
    <form action={action} noValidate>
      {mine ? <ErrorSummary errors={errors} message={state.message} /> : null}
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="command" value={command} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormFields fields={fields} values={values} errors={errors} />
      <button type="submit" className={`govuk-button ${buttonClass}`} data-module="govuk-button" disabled={pending}>
        {button}
      </button>
    </form>
  );
}
