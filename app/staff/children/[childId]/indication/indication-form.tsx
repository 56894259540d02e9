'use client';

import { useActionState } from 'react';
import { INDICATION_KINDS, type TIndication, ZIndication } from '@/lib/validation/involvement';
import { DateInput } from '../../../../_components/form/date-input';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Radios } from '../../../../_components/form/radios';
import { TextInput } from '../../../../_components/form/text-input';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { recordIndicationAction, type IndicationFormState } from './record-indication.action';
import { bindOnce } from '../../../../_components/form/bind-once';

type Props = { childId: string; purpose: string; defaults: { contactName: string; contactEmail: string } };

export function IndicationForm({ childId, purpose, defaults }: Props) {
  const [state, action, pending] = useActionState<IndicationFormState, FormData>(bindOnce(recordIndicationAction, childId), {});
  const values: Record<string, string> = state.values ?? defaults;
  const { register, onSubmit, errors } = useCheckedForm<Record<string, unknown>, TIndication>(ZIndication, action, state.errors, undefined, [], ['recordedOn']);
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="purpose" value={purpose} />
        <Radios name="kind" legend="What are you recording?" options={INDICATION_KINDS} error={errors.kind} defaultValue={values.kind} inputProps={register('kind')} />
        <TextInput name="contactName" label="Who to contact" hint="The lead professional, or whoever holds the assessment" defaultValue={values.contactName} error={errors.contactName} inputProps={register('contactName')} />
        <TextInput name="contactPhone" label="Their phone number" type="tel" defaultValue={values.contactPhone} error={errors.contactPhone} className="govuk-input--width-20" inputProps={register('contactPhone')} />
        <TextInput name="contactEmail" label="Their email address" type="email" spellCheck={false} defaultValue={values.contactEmail} error={errors.contactEmail} inputProps={register('contactEmail')} />
        <DateInput name="recordedOn" legend="When was it done or agreed?" hint="For example, 4 9 2026" error={errors.recordedOn} values={values} partProps={register} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Record it
        </button>
      </form>
    </>
  );
}
