'use client';

import { useActionState } from 'react';
import { CONSENT_BASES, involvementSchema, type TInvolvement } from '@/lib/validation/involvement';
import { DateInput } from '../../../../_components/form/date-input';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Radios } from '../../../../_components/form/radios';
import { Select } from '../../../../_components/form/select';
import { TextInput } from '../../../../_components/form/text-input';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { recordInvolvementAction, type InvolvementFormState } from './record-involvement.action';
import { bindOnce } from '../../../../_components/form/bind-once';

type Props = {
  childId: string;
  purpose: string;
  services: { code: string; name: string; isSensitive: boolean }[];
  defaults: { email: string };
};

export function InvolvementForm({ childId, purpose, services, defaults }: Props) {
  const [state, action, pending] = useActionState<InvolvementFormState, FormData>(bindOnce(recordInvolvementAction, childId), {});
  const values = state.values ?? { email: defaults.email };
  const sensitive = services.find((s) => s.isSensitive);
  const schema = involvementSchema(services.filter((s) => s.isSensitive).map((s) => s.code));
  // Unanswered, the basis is blank, as it is posted: it is asked for only when the service chosen is a sensitive one.
  const { register, onSubmit, errors } = useCheckedForm<Record<string, unknown>, TInvolvement>(schema, action, state.errors, { consentBasis: values.consentBasis ?? '' }, [], ['startedOn']);
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="purpose" value={purpose} />
        <Select name="serviceCode" label="Service you work for" options={services.map((s) => ({ value: s.code, label: s.name }))} error={errors.serviceCode} defaultValue={values.serviceCode} selectProps={register('serviceCode')} />
        <TextInput name="role" label="Your role with the child" hint="For example, Class teacher or Allocated social worker" defaultValue={values.role} error={errors.role} inputProps={register('role')} />
        <TextInput name="phone" label="Phone number" type="tel" autoComplete="tel" hint="Others working with the child will use this to reach you" defaultValue={values.phone} error={errors.phone} className="govuk-input--width-20" inputProps={register('phone')} />
        <TextInput name="email" label="Email address" type="email" spellCheck={false} defaultValue={values.email} error={errors.email} inputProps={register('email')} />
        <DateInput name="startedOn" legend="When did you start working with the child?" hint="For example, 4 9 2026" error={errors.startedOn} values={values} partProps={register} />
        {sensitive ? (
          <Radios
            name="consentBasis"
            legend={`Basis for recording (${sensitive.name} only)`}
            hint="A sensitive service is recorded only with consent or where significant harm is suspected"
            options={CONSENT_BASES}
            error={errors.consentBasis}
            defaultValue={values.consentBasis}
            inputProps={register('consentBasis')}
          />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Record my involvement
        </button>
      </form>
    </>
  );
}
