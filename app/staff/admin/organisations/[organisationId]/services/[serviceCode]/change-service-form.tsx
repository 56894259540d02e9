'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../../../_components/form/error-summary';
import { Radios } from '../../../../../../_components/form/radios';
import { Textarea } from '../../../../../../_components/form/textarea';
import { changeServiceAction, type ChangeServiceFormState } from './change-service.action';
import { bindOnce } from '../../../../../../_components/form/bind-once';

type Props = { organisationId: string; serviceCode: string; canApprove: boolean };

export function ChangeServiceForm({ organisationId, serviceCode, canApprove }: Props) {
  const [state, action, pending] = useActionState<ChangeServiceFormState, FormData>(bindOnce(changeServiceAction, organisationId, serviceCode), {});
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} noValidate>
        {canApprove ? (
          <Radios
            name="decision"
            legend="What do you want to do?"
            options={[
              { value: 'approve', label: 'Approve it, as the second access manager' },
              { value: 'remove', label: 'Remove it' },
            ]}
            error={errors.decision}
            defaultValue={values.decision}
          />
        ) : (
          <input type="hidden" name="decision" value="remove" />
        )}
        <Textarea name="reason" label="Reason" hint="For example, the service has moved to another provider" error={errors.reason} defaultValue={values.reason} rows={3} />
        <button type="submit" className={`govuk-button${canApprove ? '' : ' govuk-button--warning'}`} data-module="govuk-button" disabled={pending}>
          {canApprove ? 'Confirm' : 'Remove the service'}
        </button>
      </form>
    </>
  );
}
