'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../_components/form/error-summary';
import { TextInput } from '../../../_components/form/text-input';
import { useCheckedForm } from '../../../_components/form/use-checked-form';
import { ZActivationCode } from '@/lib/validation/activation-code';
import { verifyCodeAction, type CodeState } from './verify-code.action';

export function CodeForm() {
  const [state, action, pending] = useActionState<CodeState, FormData>(verifyCodeAction, {});
  const { register, onSubmit, errors } = useCheckedForm(ZActivationCode, action, state.errors);
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <TextInput name="code" label="Code" hint="10 letters and numbers, for example 7QHMX 9KD4T" autoComplete="one-time-code" spellCheck={false} autoCapitalize="characters" defaultValue={state.values?.code} error={errors.code} className="govuk-input--width-10" inputProps={register('code')} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Continue
        </button>
      </form>
    </>
  );
}
