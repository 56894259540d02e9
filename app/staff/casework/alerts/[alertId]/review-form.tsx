'use client';

import { useActionState } from 'react';
import { ALERT_OUTCOMES, ZAlertReview } from '@/lib/validation/alert-review';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Radios } from '../../../../_components/form/radios';
import { Textarea } from '../../../../_components/form/textarea';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { reviewAlertAction, type ReviewFormState } from './review-alert.action';
import { bindOnce } from '../../../../_components/form/bind-once';

/** The outcome of the review and a note. */
export function ReviewForm({ alertId }: { alertId: string }) {
  const [state, action, pending] = useActionState<ReviewFormState, FormData>(bindOnce(reviewAlertAction, alertId), {});
  const { register, onSubmit, errors } = useCheckedForm(ZAlertReview, action, state.errors);
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <Radios name="outcome" legend="Outcome of your review" options={ALERT_OUTCOMES} error={errors.outcome} inputProps={register('outcome')} />
        <Textarea {...register('note')} label="Your note" hint="What you checked and what you decided. Only the index team sees it." error={errors.note} strongLabel />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Record the review
        </button>
      </form>
    </>
  );
}
