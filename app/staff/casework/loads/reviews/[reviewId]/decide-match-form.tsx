'use client';

import { useActionState } from 'react';
import { MATCH_REVIEW_OUTCOMES, ZMatchReviewDecision } from '@/lib/validation/match-review-decision';
import { ErrorSummary } from '../../../../../_components/form/error-summary';
import { Radios } from '../../../../../_components/form/radios';
import { Textarea } from '../../../../../_components/form/textarea';
import { useCheckedForm } from '../../../../../_components/form/use-checked-form';
import { decideMatchAction, type DecideMatchFormState } from './decide-match.action';
import { bindOnce } from '../../../../../_components/form/bind-once';

/** Link or keep apart, with a reason. */
export function DecideMatchForm({ reviewId, loadId }: { reviewId: string; loadId: string }) {
  const [state, action, pending] = useActionState<DecideMatchFormState, FormData>(bindOnce(decideMatchAction, reviewId, loadId), {});
  const { register, onSubmit, errors } = useCheckedForm(ZMatchReviewDecision, action, state.errors);
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <Radios name="outcome" legend="Is this the same child?" options={MATCH_REVIEW_OUTCOMES} error={errors.outcome} inputProps={register('outcome')} />
        <Textarea {...register('reason')} label="Your reason" hint="What you compared and checked. The record’s history keeps it." error={errors.reason} strongLabel />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Record the decision
        </button>
      </form>
    </>
  );
}
