'use client';

import { type ReactNode, useActionState } from 'react';
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

/**
 * The check step's page: agreeing needs no words (the record version says who agreed to which request), only a look
 * at what is agreed. A refusal from the rules shows first, above the heading.
 */
export function ApproveStayOnForm({ stayOnRequestId, caption, title, children }: { stayOnRequestId: string; caption: string; title: string; children: ReactNode }) {
  const [state, action, pending] = useActionState<StayOnDecisionState, FormData>(bindOnce(stayOnDecisionAction, stayOnRequestId, 'approve'), {});
  return (
    <>
      <ErrorSummary message={state.message} />
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
      <form action={action}>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Agree: keep the record until 25
        </button>
      </form>
    </>
  );
}

/** Refusing a request, or ending a stay-on, always with a reason: the only form on its page, its problems first. */
export function StayOnReasonForm({ stayOnRequestId, kind, caption, children }: { stayOnRequestId: string; kind: Exclude<StayOnDecisionKind, 'approve'>; caption: string; children?: ReactNode }) {
  const [state, action, pending] = useActionState<StayOnDecisionState, FormData>(bindOnce(stayOnDecisionAction, stayOnRequestId, kind), {});
  const { register, onSubmit, errors } = useCheckedForm(ZStayOnReason, action, state.errors, { reason: '' });
  const form = FORMS[kind];
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">{form.heading}</h1>
      {children}
      <form action={action} onSubmit={onSubmit} noValidate>
        <Textarea {...register('reason')} label={form.label} hint={form.hint} error={errors.reason} strongLabel />
        <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={pending}>
          {form.button}
        </button>
      </form>
    </>
  );
}
