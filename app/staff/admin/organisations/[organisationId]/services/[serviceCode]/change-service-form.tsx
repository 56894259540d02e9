'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../../../_components/form/error-summary';
import { Textarea } from '../../../../../../_components/form/textarea';
import { changeServiceAction, type ChangeServiceFormState } from './change-service.action';
import { bindOnce } from '../../../../../../_components/form/bind-once';
import { useCheckedForm } from '@/app/_components/form/use-checked-form';
import { ZChangeOrganisationService } from '@/lib/validation/organisation-service';

type Props = { organisationId: string; serviceCode: string; canApprove: boolean };

export function ChangeServiceForm({ organisationId, serviceCode, canApprove }: Props) {
  const [state, action, pending] = useActionState<ChangeServiceFormState, FormData>(bindOnce(changeServiceAction, organisationId, serviceCode), {});
  // The decision is the button pressed, which goes with the form: the browser checks the rest.
  const { register, onSubmit, errors } = useCheckedForm(ZChangeOrganisationService.pick({ reason: true }), action, state.errors);
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <Textarea {...register('reason')} label="Reason" hint="For example, the service has moved to another provider" error={errors.reason} defaultValue={values.reason} rows={3} />
        {/* Each button says what it does; the one pressed is the decision. */}
        <div className="govuk-button-group">
          {canApprove ? (
            <button type="submit" name="decision" value="approve" className="govuk-button" data-module="govuk-button" disabled={pending}>
              Approve the service, as the second access manager
            </button>
          ) : null}
          <button type="submit" name="decision" value="remove" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={pending}>
            Remove the service
          </button>
        </div>
      </form>
    </>
  );
}
