'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Select } from '../../../../_components/form/select';
import { Textarea } from '../../../../_components/form/textarea';
import { addServiceAction, type AddServiceFormState } from './add-service.action';
import { bindOnce } from '../../../../_components/form/bind-once';
import { useCheckedForm } from '@/app/_components/form/use-checked-form';
import { ZAddOrganisationService } from '@/lib/validation/organisation-service';

type Props = { organisationId: string; services: { value: string; label: string }[] };

export function AddServiceForm({ organisationId, services }: Props) {
  const [state, action, pending] = useActionState<AddServiceFormState, FormData>(bindOnce(addServiceAction, organisationId), {});
  const { register, onSubmit, errors } = useCheckedForm(ZAddOrganisationService, action, state.errors);
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <Select name="serviceCode" label="Service the organisation provides" options={services} error={errors.serviceCode} defaultValue={values.serviceCode} selectProps={register('serviceCode')} />
        <Textarea {...register('reason')} label="Reason" hint="For example, the school now employs its own nurse" error={errors.reason} defaultValue={values.reason} rows={3} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Add the service
        </button>
      </form>
    </>
  );
}
