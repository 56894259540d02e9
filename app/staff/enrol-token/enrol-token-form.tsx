'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/form/error-summary';
import { TextInput } from '../../_components/form/text-input';
import { useCheckedForm } from '../../_components/form/use-checked-form';
import { ZTokenCode } from '@/lib/validation/staff-sign-in';
import { enrolTokenAction, type EnrolTokenFormState } from './enrol-token.action';

export function EnrolTokenForm() {
  const [state, action, pending] = useActionState<EnrolTokenFormState, FormData>(enrolTokenAction, {});
  const { register, onSubmit, errors } = useCheckedForm(ZTokenCode, action, state.errors);
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <TextInput name="code" label="Security code from your app" inputMode="numeric" autoComplete="one-time-code" error={errors.code} className="govuk-input--width-10" inputProps={register('code')} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Confirm and sign in
        </button>
      </form>
    </>
  );
}
