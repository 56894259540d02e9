'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../_components/form/error-summary';
import { HintAndError, FieldGroup, describedBy } from '../../../_components/form/field-parts';
import { overrideAction, type OverrideFormState } from './override.action';
import { bindOnce } from '../../../_components/form/bind-once';
import { useCheckedForm } from '@/app/_components/form/use-checked-form';
import { ZShieldOverride } from '@/lib/validation/viewing-purpose';

/** Child-protection practitioners only: the warning, the reason, and the consequences before the details. */
export function OverrideForm({ childId }: { childId: string }) {
  const [state, action, pending] = useActionState<OverrideFormState, FormData>(bindOnce(overrideAction, childId), {});
  const { register, onSubmit, errors } = useCheckedForm(ZShieldOverride, action, state.errors);
  const hint = 'Say why the child is at risk of harm and why you cannot wait for the index team to broker contact.';
  return (
    <details className="govuk-details" open={Boolean(state.errors || state.message)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Override the shield (child protection)</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary errors={errors} message={state.message} />
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Overriding the shield starts an investigation straight away. The index team is told now and will review your
            reason. The details are shown once, on the next page only.
          </strong>
        </div>
        <form action={action} onSubmit={onSubmit} noValidate>
          <FieldGroup error={errors.reason}>
            <label className="govuk-label govuk-label--s" htmlFor="reason">
              Your reason
            </label>
            <HintAndError name="reason" hint={hint} error={errors.reason} />
            <textarea
              className={`govuk-textarea${errors.reason ? ' govuk-textarea--error' : ''}`}
              id="reason"
              rows={4}
              defaultValue={state.values?.reason}
              aria-describedby={describedBy('reason', hint, errors.reason)}
              {...register('reason')}
            />
          </FieldGroup>
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={pending}>
            Override the shield and show the details
          </button>
        </form>
      </div>
    </details>
  );
}
