'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Radios } from '../../../../_components/form/radios';
import { Select } from '../../../../_components/form/select';
import { TextInput } from '../../../../_components/form/text-input';
import { useCheckedForm } from '../../../../_components/form/use-checked-form';
import { ZCreateStaffUser } from '@/lib/validation/staff-user';
import { createUserAction, type CreateUserFormState } from './create-user.action';

const ROLES = [
  { value: 'practitioner', label: 'Practitioner' },
  { value: 'caseworker', label: 'Caseworker (index team)' },
  { value: 'administrator', label: 'Access manager' },
] as const;

type Option = { value: string; label: string };

export function CreateUserForm({ organisations, sensitiveServices }: { organisations: Option[]; sensitiveServices: Option[] }) {
  const [state, action, pending] = useActionState<CreateUserFormState, FormData>(createUserAction, {});
  const { register, onSubmit, errors } = useCheckedForm(ZCreateStaffUser, action, state.errors);
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <TextInput name="displayName" label="Full name" autoComplete="off" defaultValue={values.displayName} error={errors.displayName} inputProps={register('displayName')} />
        <TextInput name="username" label="User name" hint="Letters, numbers, dots or hyphens, for example jo.bloggs" spellCheck={false} autoCapitalize="none" defaultValue={values.username} error={errors.username} className="govuk-!-width-one-half" inputProps={register('username')} />
        <TextInput name="email" label="Work email address" type="email" spellCheck={false} hint="We will send the activation link here" defaultValue={values.email} error={errors.email} inputProps={register('email')} />
        <Radios name="role" legend="Role" options={ROLES} error={errors.role} defaultValue={values.role} inputProps={register('role')} />
        <Select name="organisationId" label="Organisation" options={organisations} error={errors.organisationId} defaultValue={values.organisationId} selectProps={register('organisationId')} />
        <Radios
          name="hasChildProtectionRole"
          legend="Do they have a child-protection role?"
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          error={errors.hasChildProtectionRole}
          defaultValue={values.hasChildProtectionRole}
          inputProps={register('hasChildProtectionRole')}
          inline
        />
        {/* Left to the server: unanswered, it means "No" there, where react-hook-form would read it as no answer at all. */}
        <Radios
          name="sensitiveServiceCode"
          legend="Do they work for a sensitive service?"
          hint="They will see that service’s involvements, which other practitioners cannot."
          options={[{ value: '', label: 'No' }, ...sensitiveServices]}
          error={errors.sensitiveServiceCode}
          defaultValue={values.sensitiveServiceCode}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Create user and send activation email
        </button>
      </form>
    </>
  );
}
