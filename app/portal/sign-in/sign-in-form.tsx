'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/form/error-summary';
import { TextInput } from '../../_components/form/text-input';
import { useCheckedForm } from '../../_components/form/use-checked-form';
import { ZCitizenSignIn } from '@/lib/validation/citizen-sign-in';
import { citizenSignInAction, type CitizenSignInState } from './sign-in.action';

export function CitizenSignInForm() {
  const [state, action, pending] = useActionState<CitizenSignInState, FormData>(citizenSignInAction, {});
  const { register, onSubmit, errors } = useCheckedForm(ZCitizenSignIn, action, state.errors);
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <TextInput
          name="email"
          label="Email address"
          hint="We will send you a link to sign in. It works once, for 15 minutes."
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={state.values?.email}
          error={errors.email}
          inputProps={register('email')}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Send me a link
        </button>
      </form>
    </>
  );
}
