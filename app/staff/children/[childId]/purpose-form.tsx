'use client';

import { useActionState } from 'react';
import { SEARCH_REASONS } from '@/lib/validation/child-search';
import { ErrorSummary } from '../../../_components/form/error-summary';
import { Radios } from '../../../_components/form/radios';
import { TextInput } from '../../../_components/form/text-input';
import { purposeAction, type PurposeFormState } from './purpose.action';
import { bindOnce } from '../../../_components/form/bind-once';
import { useCheckedForm } from '@/app/_components/form/use-checked-form';
import { ZViewingPurpose } from '@/lib/validation/viewing-purpose';

/** Asked when a record is opened other than from a search: every view needs a reason on the audit trail. */
export function PurposeForm({ childId }: { childId: string }) {
  const [state, action, pending] = useActionState<PurposeFormState, FormData>(bindOnce(purposeAction, childId), {});
  const { register, onSubmit, errors } = useCheckedForm(ZViewingPurpose, action, state.errors);
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Why do you need to see this record?</h1>
      <p className="govuk-body">Every view of a child’s record is recorded with your reason and can be reviewed.</p>
      <form action={action} onSubmit={onSubmit} noValidate>
        <Radios
          name="reason"
          legend="Reason"
          options={SEARCH_REASONS}
          error={errors.reason}
          defaultValue={values.reason}
          inputProps={register('reason')}
          conditional={{ other: <TextInput name="reasonDetail" label="Your reason" defaultValue={values.reasonDetail} error={errors.reasonDetail} inputProps={register('reasonDetail')} /> }}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Continue
        </button>
      </form>
    </>
  );
}
