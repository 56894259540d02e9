'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { describedBy, FieldGroup, HintAndError } from '../../../../_components/form/field-parts';
import { Radios } from '../../../../_components/form/radios';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { STAY_ON_BASES, ZStayOnRequest } from '@/lib/validation/stay-on';
import { stayOnAction, type StayOnState } from './stay-on.action';
import { bindOnce } from '../../../../_components/form/bind-once';

export function StayOnForm({ linkId }: { linkId: string }) {
  const [state, action, pending] = useActionState<StayOnState, FormData>(bindOnce(stayOnAction, linkId), {});
  const { register, onSubmit, errors } = useCheckedForm(ZStayOnRequest, action, state.errors);
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <Radios name="basis" legend="Why do you want to stay on the index?" options={STAY_ON_BASES} error={errors.basis} defaultValue={state.values?.basis} inputProps={register('basis')} />
        <FieldGroup error={errors.consent}>
          <fieldset className="govuk-fieldset" aria-describedby={describedBy('consent', undefined, errors.consent)}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Your agreement</legend>
            <HintAndError name="consent" error={errors.consent} />
            <div className="govuk-checkboxes" data-module="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="consent" type="checkbox" value="yes" defaultChecked={state.values?.consent === 'yes'} {...register('consent')} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="consent">
                  I agree to stay on the Children’s Index until I am 25
                </label>
              </div>
            </div>
          </fieldset>
        </FieldGroup>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Send request
        </button>
      </form>
    </>
  );
}
