'use client';

import { useActionState } from 'react';
import { ErrorSummary, ErrorTitle } from '../../_components/form/error-summary';
import { TextInput } from '../../_components/form/text-input';
import { useCheckedForm } from '../../_components/form/use-checked-form';
import { ZStaffSignIn } from '@/lib/validation/staff-sign-in';
import { signInAction, type SignInFormState } from './sign-in.action';

/** `next`: the staff page to go to once signed in (a link in an email to a record), checked again by the action. */
export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignInFormState, FormData>(signInAction, {});
  const { register, onSubmit, errors } = useCheckedForm(ZStaffSignIn, action, state.errors);
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      {state.problems?.length ? (
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <ErrorTitle />
          <h2 className="govuk-error-summary__title">You cannot use the index at the moment</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {state.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <form action={action} onSubmit={onSubmit} noValidate>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextInput
          name="username"
          label="User name"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={state.username}
          error={errors.username}
          className="govuk-!-width-one-half"
          inputProps={register('username')}
        />
        <TextInput name="password" label="Password" type="password" autoComplete="current-password" error={errors.password} className="govuk-!-width-one-half" inputProps={register('password')} />
        <TextInput name="pin" label="PIN" type="password" inputMode="numeric" autoComplete="off" error={errors.pin} className="govuk-input--width-10" inputProps={register('pin')} />
        <TextInput
          name="code"
          label="Security code"
          hint="The 6 numbers shown by your security token or authenticator app. Leave this blank the first time you sign in: you will set up your token next."
          inputMode="numeric"
          autoComplete="one-time-code"
          error={errors.code}
          className="govuk-input--width-10"
          inputProps={register('code')}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Sign in
        </button>
      </form>
    </>
  );
}
