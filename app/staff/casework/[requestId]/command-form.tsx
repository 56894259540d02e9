'use client';

import { useActionState } from 'react';
import { DateInput } from '../../../_components/form/date-input';
import { ErrorSummary } from '../../../_components/form/error-summary';
import { Select } from '../../../_components/form/select';
import { TextInput } from '../../../_components/form/text-input';
import { Textarea } from '../../../_components/form/textarea';
import type { CommandName } from '@/lib/validation/casework-command';
import { caseworkAction, type CaseworkFormState } from './casework.action';

export type FieldSpec =
  | { kind: 'text' | 'textarea'; name: string; label: string; hint?: string }
  | { kind: 'date'; name: string; label: string }
  | { kind: 'select'; name: string; label: string; options: { value: string; label: string }[] };

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
  const [state, action, pending] = useActionState<CaseworkFormState, FormData>(caseworkAction.bind(null, requestId), {});
  const mine = state.command === command || (!state.command && state.message && command === 'apply');
  const errors = mine ? (state.errors ?? {}) : {};
  const values = mine && state.values ? state.values : defaults;
  return (
    <form action={action} noValidate>
      {mine ? <ErrorSummary errors={errors} message={state.message} /> : null}
      <input type="hidden" name="command" value={command} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const id = `${command}-${field.name}`;
        switch (field.kind) {
          case 'text':
            return <TextInput key={id} name={field.name} label={field.label} hint={field.hint} error={errors[field.name]} defaultValue={values[field.name] ?? ''} />;
          case 'textarea':
            return <Textarea key={id} name={field.name} label={field.label} hint={field.hint} error={errors[field.name]} defaultValue={values[field.name] ?? ''} />;
          case 'date':
            return <DateInput key={id} name={field.name} legend={field.label} error={errors[field.name]} values={dateParts(field.name, values)} />;
          case 'select':
            return <Select key={id} name={field.name} label={field.label} options={field.options} error={errors[field.name]} defaultValue={values[field.name] ?? ''} />;
        }
      })}
      <button type="submit" className={`govuk-button ${buttonClass}`} data-module="govuk-button" disabled={pending}>
        {button}
      </button>
    </form>
  );
}

function dateParts(name: string, values: Record<string, string>): Record<string, string> {
  if (values[`${name}Day`] !== undefined) return values;
  const [year = '', month = '', day = ''] = (values[name] ?? '').split('-');
  return { ...values, [`${name}Day`]: day ? String(Number(day)) : '', [`${name}Month`]: month ? String(Number(month)) : '', [`${name}Year`]: year };
}
