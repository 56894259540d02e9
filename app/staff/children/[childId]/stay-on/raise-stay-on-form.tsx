'use client';

import { useActionState } from 'react';
import { STAY_ON_BASIS_OPTIONS, ZStayOnRaise } from '@/lib/validation/stay-on-casework';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Radios } from '../../../../_components/form/radios';
import { Textarea } from '../../../../_components/form/textarea';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { raiseStayOnAction, type RaiseStayOnState } from './raise-stay-on.action';
import { bindOnce } from '../../../../_components/form/bind-once';

/** Why the young person should stay on, and their consent as they gave it. */
export function RaiseStayOnForm({ childId }: { childId: string }) {
  const [state, action, pending] = useActionState<RaiseStayOnState, FormData>(bindOnce(raiseStayOnAction, childId), {});
  const { register, onSubmit, errors } = useCheckedForm(ZStayOnRaise, action, state.errors, { consentStatement: '' });
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <Radios name="basis" legend="Why should the young person stay on the index?" options={STAY_ON_BASIS_OPTIONS} error={errors.basis} inputProps={register('basis')} />
        <Textarea
          {...register('consentStatement')}
          label="What did the young person say when they agreed?"
          hint="In their own words, with when and how they said it (for example, at a pathway plan review on 3 March). Staying on needs their consent."
          error={errors.consentStatement}
          strongLabel
          rows={5}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Send for a decision
        </button>
      </form>
    </>
  );
}
