'use client';

import { useActionState } from 'react';
import { DateInput } from '../../_components/form/date-input';
import { ErrorSummary } from '../../_components/form/error-summary';
import { Radios } from '../../_components/form/radios';
import { TextInput } from '../../_components/form/text-input';
import { stateIdentityAction, type StatementState } from './state-identity.action';

const RELATIONSHIPS = [
  { value: 'self', label: 'My own record (I am 12 or over)' },
  { value: 'parent', label: 'My child’s record (I am their parent or carer)' },
] as const;

export function StatementForm() {
  const [state, action, pending] = useActionState<StatementState, FormData>(stateIdentityAction, {});
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} noValidate>
        <Radios name="relationship" legend="Whose record is it?" options={RELATIONSHIPS} error={errors.relationship} defaultValue={values.relationship} />
        <h2 className="govuk-heading-m">The child or young person</h2>
        <TextInput name="childGivenName" label="First name" autoComplete="off" defaultValue={values.childGivenName} error={errors.childGivenName} className="govuk-!-width-one-half" />
        <TextInput name="childFamilyName" label="Last name" autoComplete="off" defaultValue={values.childFamilyName} error={errors.childFamilyName} className="govuk-!-width-one-half" />
        <DateInput name="dateOfBirth" legend="Date of birth" hint="For example, 27 3 2012" error={errors.dateOfBirth} values={values} />
        <TextInput name="postcode" label="Postcode where they live" autoComplete="postal-code" defaultValue={values.postcode} error={errors.postcode} className="govuk-input--width-10" />
        <h2 className="govuk-heading-m">If you are the parent or carer</h2>
        <TextInput name="parentGivenName" label="Your first name" autoComplete="given-name" defaultValue={values.parentGivenName} error={errors.parentGivenName} className="govuk-!-width-one-half" />
        <TextInput name="parentFamilyName" label="Your last name" autoComplete="family-name" defaultValue={values.parentFamilyName} error={errors.parentFamilyName} className="govuk-!-width-one-half" />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Continue
        </button>
      </form>
    </>
  );
}
