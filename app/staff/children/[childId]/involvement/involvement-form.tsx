'use client';

import { useActionState } from 'react';
import { CONSENT_BASES } from '@/lib/validation/involvement';
import { DateInput } from '../../../../_components/form/date-input';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Radios } from '../../../../_components/form/radios';
import { Select } from '../../../../_components/form/select';
import { TextInput } from '../../../../_components/form/text-input';
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
  const errors = state.errors ?? {};
  const values = state.values ?? { email: defaults.email };
  const sensitive = services.find((s) => s.isSensitive);
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} noValidate>
        <input type="hidden" name="purpose" value={purpose} />
        <Select name="serviceCode" label="Service you work for" options={services.map((s) => ({ value: s.code, label: s.name }))} error={errors.serviceCode} defaultValue={values.serviceCode} />
        <TextInput name="role" label="Your role with the child" hint="For example, Class teacher or Allocated social worker" defaultValue={values.role} error={errors.role} />
        <TextInput name="phone" label="Phone number" type="tel" autoComplete="tel" hint="Others working with the child will use this to reach you" defaultValue={values.phone} error={errors.phone} className="govuk-input--width-20" />
        <TextInput name="email" label="Email address" type="email" spellCheck={false} defaultValue={values.email} error={errors.email} />
        <DateInput name="startedOn" legend="When did you start working with the child?" hint="For example, 4 9 2026" error={errors.startedOn} values={values} />
        {sensitive ? (
          <Radios
            name="consentBasis"
            legend={`Basis for recording (${sensitive.name} only)`}
            hint="A sensitive service is recorded only with consent or where significant harm is suspected"
            options={CONSENT_BASES}
            error={errors.consentBasis}
            defaultValue={values.consentBasis}
          />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Record my involvement
        </button>
      </form>
    </>
  );
}
