'use client';

import { useActionState } from 'react';
import { ZStayOnReason } from '@/lib/validation/stay-on-casework';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Textarea } from '../../../../_components/form/textarea';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { stayOnDecisionAction, type StayOnDecisionKind, type StayOnDecisionState } from './stay-on-decision.action';
import { bindOnce } from '../../../../_components/form/bind-once';

const FORMS = {
  refuse: { heading: 'Refuse the request', label: 'Why is the request refused?', hint: 'The young person reads this when they sign in.', button: 'Refuse the request' },
  end: { heading: 'End the stay-on', label: 'Why is the stay-on ending?', hint: 'The young person reads this when they sign in, and it goes into the record’s history.', button: 'End the stay-on' },
} as const;

/** Agreeing needs no words: the record version says who agreed to which request. */
export function ApproveStayOnForm({ stayOnRequestId }: { stayOnRequestId: string }) {
  const [state, action, pending] = useActionState<StayOnDecisionState, FormData>(bindOnce(stayOnDecisionAction, stayOnRequestId, 'approve'), {});
  return (
    <>
      <ErrorSummary message={state.message} />
      <form action={action}>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Agree to the request
        </button>
      </form>
    </>
  );
}

/** Refusing a request, or ending a stay-on, always with a reason. */
export function StayOnReasonForm({ stayOnRequestId, kind }: { stayOnRequestId: string; kind: Exclude<StayOnDecisionKind, 'approve'> }) {
  const [state, action, pending] = useActionState<StayOnDecisionState, FormData>(bindOnce(stayOnDecisionAction, stayOnRequestId, kind), {});
  const { register, onSubmit, errors } = useCheckedForm(ZStayOnReason, action, state.errors, { reason: '' });
  const form = FORMS[kind];
  return (
    <>
      <h2 className="govuk-heading-m">{form.heading}</h2>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <Textarea {...register('reason')} label={form.label} hint={form.hint} error={errors.reason} strongLabel />
        <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={pending}>
          {form.button}
        </button>
      </form>
    </>
  );
}
