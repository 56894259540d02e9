'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { describedBy, FieldGroup, HintAndError } from '../../../../_components/form/field-parts';
import { Radios } from '../../../../_components/form/radios';
import { TextInput } from '../../../../_components/form/text-input';
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

type Vetting = { trainingCompletedOn: string | null; userAgreementSignedOn: string | null; policeCheckIssuedOn: string | null };

export function VettingForm({ staffUserId, vetting, policeCheckLastsYears }: { staffUserId: string; vetting: Vetting; policeCheckLastsYears: number }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(recordVettingAction, {});
  const errors = state.errors ?? {};
  const hint = 'Year, month and day, for example 2027-03-31. Leave blank if not done.';
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} />
      <Done text={state.done} />
      <input type="hidden" name="staffUserId" value={staffUserId} />
      <TextInput name="trainingCompletedOn" label="Mandatory training completed on" hint={hint} defaultValue={vetting.trainingCompletedOn ?? ''} error={errors.trainingCompletedOn} className="govuk-input--width-10" />
      <TextInput name="userAgreementSignedOn" label="User agreement signed on" hint={hint} defaultValue={vetting.userAgreementSignedOn ?? ''} error={errors.userAgreementSignedOn} className="govuk-input--width-10" />
      <TextInput
        name="policeCheckIssuedOn"
        label="Enhanced police check issued on"
        hint={`The date on the certificate, for example 2026-03-31. It lasts ${policeCheckLastsYears} years from then.`}
        defaultValue={vetting.policeCheckIssuedOn ?? ''}
        error={errors.policeCheckIssuedOn}
        className="govuk-input--width-10"
      />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
        Save vetting dates
      </button>
    </form>
  );
}

export function StatusForm({ staffUserId }: { staffUserId: string }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(changeStatusAction, {});
  const errors = state.errors ?? {};
  return (
    <form action={action} noValidate>
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
      />
      <FieldGroup error={errors.reason}>
        <label className="govuk-label" htmlFor="reason">
          Reason
        </label>
        <HintAndError name="reason" error={errors.reason} />
        <textarea className={`govuk-textarea${errors.reason ? ' govuk-textarea--error' : ''}`} id="reason" name="reason" rows={3} aria-describedby={describedBy('reason', undefined, errors.reason)} />
      </FieldGroup>
      <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={pending}>
        Confirm
      </button>
    </form>
  );
}

export function ApprovePrivilegesForm({ staffUserId }: { staffUserId: string }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(approvePrivilegesAction, {});
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={{}} message={state.message} />
      <Done text={state.done} />
      <input type="hidden" name="staffUserId" value={staffUserId} />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
        Approve
      </button>
    </form>
  );
}
