'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../_components/form/error-summary';
import { TextInput } from '../../../_components/form/text-input';
import { useCheckedForm } from '../../../_components/form/use-checked-form';
import { ZActivation } from '@/lib/validation/staff-user';
import { activateAction, type ActivateFormState } from './activate.action';

export function ActivateForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActivateFormState, FormData>(activateAction, {});
  const { register, onSubmit, errors } = useCheckedForm(ZActivation, action, state.errors);
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="token" value={token} />
        <TextInput name="password" label="Create a password" type="password" autoComplete="new-password" hint="At least 12 characters. Three or four unrelated words are easy to remember and hard to guess." error={errors.password} inputProps={register('password')} />
        <TextInput name="pin" label="Create a PIN" type="password" inputMode="numeric" autoComplete="off" hint="6 to 8 numbers" error={errors.pin} className="govuk-input--width-10" inputProps={register('pin')} />
        <TextInput name="pinAgain" label="Type the PIN again" type="password" inputMode="numeric" autoComplete="off" error={errors.pinAgain} className="govuk-input--width-10" inputProps={register('pinAgain')} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Activate account
        </button>
      </form>
    </>
  );
}
