'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { describedBy, FieldGroup, HintAndError } from '../../../../_components/form/field-parts';
import { Radios } from '../../../../_components/form/radios';
import { DateInput } from '../../../../_components/form/date-input';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { type TVetting, ZAccountStatusChange, ZVetting } from '@/lib/validation/staff-user';
import { type AccountFormState, approvePrivilegesAction, changeStatusAction, recordVettingAction } from './account.action';

function Done({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-live="polite">
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{text}</p>
      </div>
    </div>
  );
}

const VETTING_DATES = ['trainingCompletedOn', 'userAgreementSignedOn', 'policeCheckIssuedOn'];

type Vetting = { trainingCompletedOn: string | null; userAgreementSignedOn: string | null; policeCheckIssuedOn: string | null };

/** A date held as YYYY-MM-DD, as GOV.UK's date input shows it: day, month and year. */
function dateParts(name: string, value: string | null): Record<string, string> {
  const [year = '', month = '', day = ''] = (value ?? '').split('-');
  return { [`${name}Day`]: day ? String(Number(day)) : '', [`${name}Month`]: month ? String(Number(month)) : '', [`${name}Year`]: year };
}

export function VettingForm({ staffUserId, vetting, policeCheckLastsYears }: { staffUserId: string; vetting: Vetting; policeCheckLastsYears: number }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(recordVettingAction, {});
  const { register, onSubmit, errors } = useCheckedForm<Record<string, unknown>, TVetting>(ZVetting, action, state.errors, undefined, [], VETTING_DATES);
  // What was sent, when it is sent back with a problem; else the dates held.
  const values = state.values ?? {
    ...dateParts('trainingCompletedOn', vetting.trainingCompletedOn),
    ...dateParts('userAgreementSignedOn', vetting.userAgreementSignedOn),
    ...dateParts('policeCheckIssuedOn', vetting.policeCheckIssuedOn),
  };
  const hint = 'For example, 31 3 2026. Leave it blank if not done.';
  return (
    <form action={action} onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <Done text={state.done} />
      <input type="hidden" name="staffUserId" value={staffUserId} />
      <DateInput name="trainingCompletedOn" legend="Mandatory training completed on" hint={hint} error={errors.trainingCompletedOn} values={values} partProps={register} />
      <DateInput name="userAgreementSignedOn" legend="User agreement signed on" hint={hint} error={errors.userAgreementSignedOn} values={values} partProps={register} />
      <DateInput
        name="policeCheckIssuedOn"
        legend="Enhanced police check issued on"
        hint={`The date on the certificate, for example 31 3 2026. It lasts ${policeCheckLastsYears} years from then.`}
        error={errors.policeCheckIssuedOn}
        values={values}
        partProps={register}
      />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
        Save vetting dates
      </button>
    </form>
  );
}

export function StatusForm({ staffUserId }: { staffUserId: string }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(changeStatusAction, {});
  const { register, onSubmit, errors } = useCheckedForm(ZAccountStatusChange, action, state.errors);
  return (
    <form action={action} onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <Done text={state.done} />
      <input type="hidden" name="staffUserId" value={staffUserId} />
      <Radios
        name="change"
        legend="What do you want to do?"
        options={[
          { value: 'suspend', label: 'Suspend the account (ends every session at once)' },
          { value: 'reinstate', label: 'Reinstate or unlock the account' },
          { value: 'reset_token', label: 'Reset their security token (lost or replaced device)' },
        ]}
        error={errors.change}
        inputProps={register('change')}
      />
      <FieldGroup error={errors.reason}>
        <label className="govuk-label" htmlFor="reason">
          Reason
        </label>
        <HintAndError name="reason" error={errors.reason} />
        <textarea className={`govuk-textarea${errors.reason ? ' govuk-textarea--error' : ''}`} id="reason" rows={3} aria-describedby={describedBy('reason', undefined, errors.reason)} {...register('reason')} />
      </FieldGroup>
      <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={pending}>
        Change the account
      </button>
    </form>
  );
}

/** `what`: what is waiting, as the button names it ("a child-protection role"). */
export function ApprovePrivilegesForm({ staffUserId, what }: { staffUserId: string; what: string }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(approvePrivilegesAction, {});
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={{}} message={state.message} />
      <Done text={state.done} />
      <input type="hidden" name="staffUserId" value={staffUserId} />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
        Approve {what}
      </button>
    </form>
  );
}
