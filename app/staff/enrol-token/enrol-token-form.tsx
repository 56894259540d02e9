'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/form/error-summary';
import { TextInput } from '../../_components/form/text-input';
import { enrolTokenAction, type EnrolTokenFormState } from './enrol-token.action';

export function EnrolTokenForm() {
  const [state, action, pending] = useActionState<EnrolTokenFormState, FormData>(enrolTokenAction, {});
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={action} noValidate>
        <TextInput name="code" label="Security code from your app" inputMode="numeric" autoComplete="one-time-code" error={state.errors?.code} className="govuk-input--width-10" />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Confirm and sign in
        </button>
      </form>
    </>
  );
}
