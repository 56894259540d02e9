'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Select } from '../../../../_components/form/select';
import { Textarea } from '../../../../_components/form/textarea';
import { addServiceAction, type AddServiceFormState } from './add-service.action';
import { bindOnce } from '../../../../_components/form/bind-once';

type Props = { organisationId: string; services: { value: string; label: string }[] };

export function AddServiceForm({ organisationId, services }: Props) {
  const [state, action, pending] = useActionState<AddServiceFormState, FormData>(bindOnce(addServiceAction, organisationId), {});
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} noValidate>
        <Select name="serviceCode" label="Service the organisation provides" options={services} error={errors.serviceCode} defaultValue={values.serviceCode} />
        <Textarea name="reason" label="Reason" hint="For example, the school now employs its own nurse" error={errors.reason} defaultValue={values.reason} rows={3} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Add the service
        </button>
      </form>
    </>
  );
}
