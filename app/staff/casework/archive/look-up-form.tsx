'use client';

import { useActionState } from 'react';
import { ARCHIVE_REASONS, ZArchiveLookup } from '@/lib/validation/archive-lookup';
import { ErrorSummary } from '../../../_components/form/error-summary';
import { Radios } from '../../../_components/form/radios';
import { TextInput } from '../../../_components/form/text-input';
import { type ArchiveLookupState, lookUpArchivedAction } from './look-up-archived.action';
import { useCheckedForm } from '@/app/_components/form/use-checked-form';

/** The index number and why: checked on the server (the form is short, and every attempt is audited there). */
export function LookUpForm() {
  const [state, action, pending] = useActionState<ArchiveLookupState, FormData>(lookUpArchivedAction, {});
  const { register, onSubmit, errors } = useCheckedForm(ZArchiveLookup, action, state.errors);
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <TextInput name="indexNumber" label="Index number" hint="11 letters and numbers, like 7Q2M X9KD 4TR" className="govuk-input--width-20" defaultValue={values.indexNumber} error={errors.indexNumber} autoComplete="off" spellCheck={false} inputProps={register('indexNumber')} />
        <Radios
          name="reason"
          legend="Why do you need to see this record?"
          options={ARCHIVE_REASONS}
          error={errors.reason}
          defaultValue={values.reason}
          inputProps={register('reason')}
          conditional={{ other: <TextInput name="reasonDetail" label="Your reason" defaultValue={values.reasonDetail} error={errors.reasonDetail} className="govuk-!-width-two-thirds" inputProps={register('reasonDetail')} /> }}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Find the record
        </button>
      </form>
    </>
  );
}
