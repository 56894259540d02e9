'use client';

import { useActionState } from 'react';
import { formatDate } from '@/lib/kernel/dates';
import { foldDateParts } from '@/lib/validation/date-parts';
import { IDENTITY_QUESTIONS, type IdentityQuestion } from '@/lib/validation/identity-statement';
import { DateInput } from '../../_components/form/date-input';
import { ErrorSummary } from '../../_components/form/error-summary';
import { Radios } from '../../_components/form/radios';
import { TextInput } from '../../_components/form/text-input';
import { useCheckedForm } from '../../_components/form/use-checked-form';
import { stateIdentityAction, type StatementState } from './state-identity.action';
import { CarriedAnswers } from '@/app/_components/form/carried-answers';
import { SummaryRow } from '@/app/_components/record/summary-row';

const RELATIONSHIPS = [
  { value: 'self', label: 'My own record', hint: 'You can see your own record if you are 12 or over.' },
  {
    value: 'parent',
    label: 'My child’s record',
    hint: 'You must be their parent or carer with parental responsibility. If your child is 12 or over, you can see their record only if they agree: once you have linked it, you can ask them from your account. We tell them in their account and by email, and we email you when they agree.',
  },
] as const;

/** The fields each page asks for; the others travel with it, hidden. */
const ASKS: Record<IdentityQuestion, string[]> = {
  relationship: ['relationship'],
  parent: ['parentGivenName', 'parentFamilyName'],
  child: ['childGivenName', 'childFamilyName'],
  dateOfBirth: ['dateOfBirthDay', 'dateOfBirthMonth', 'dateOfBirthYear'],
  postcode: ['postcode'],
};

type Values = Record<string, string>;

/**
 * "Whose record do you want to see?" asked one thing a page, whose record first, then "check your answers": each page
 * a form posted to the one server action, so that all work without JavaScript and no answer goes into the address.
 */
export function StatementForm() {
  const [state, action, pending] = useActionState<StatementState, FormData>(stateIdentityAction, {});
  const values = state.values ?? {};
  const question = state.check ? null : (state.question ?? 'relationship');
  if (question) return <QuestionForm key={question} question={question} state={state} action={action} pending={pending} />;
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate>
        <CarriedAnswers values={values} except={[]} />
        <CheckAnswers values={values} pending={pending} />
      </form>
    </>
  );
}

type QuestionProps = { question: IdentityQuestion; state: StatementState; action: (formData: FormData) => void; pending: boolean };

/** One question's page, checked in the browser with that question's part of the statement's schema. */
function QuestionForm({ question, state, action, pending }: QuestionProps) {
  const values = state.values ?? {};
  const { register, onSubmit, errors } = useCheckedForm<Record<string, unknown>, unknown>(IDENTITY_QUESTIONS[question], action, state.errors, undefined, [], question === 'dateOfBirth' ? ['dateOfBirth'] : []);
  const own = values.relationship !== 'parent';
  return (
    <>
      <ErrorSummary errors={errors} message={state.message} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <CarriedAnswers values={values} except={ASKS[question]} />
        {question === 'relationship' ? (
          <Radios
            name="relationship"
            legend="Whose record do you want to see?"
            headingLegend
            hint="We ask a few questions, then send a code to prove that the record is yours to see, so that nobody sees a record just by knowing a few facts about a child."
            options={RELATIONSHIPS}
            error={errors.relationship}
            defaultValue={values.relationship}
            inputProps={register('relationship')}
          />
        ) : null}
        {question === 'parent' ? (
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
              <h1 className="govuk-fieldset__heading">What is your name?</h1>
            </legend>
            <p className="govuk-hint">As it is written on your child’s record, if you know.</p>
            <TextInput name="parentGivenName" label="Your first name" autoComplete="given-name" defaultValue={values.parentGivenName} error={errors.parentGivenName} className="govuk-!-width-one-half" inputProps={register('parentGivenName')} />
            <TextInput name="parentFamilyName" label="Your last name" autoComplete="family-name" defaultValue={values.parentFamilyName} error={errors.parentFamilyName} className="govuk-!-width-one-half" inputProps={register('parentFamilyName')} />
          </fieldset>
        ) : null}
        {question === 'child' ? (
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
              <h1 className="govuk-fieldset__heading">{own ? 'What is your name?' : 'What is your child’s name?'}</h1>
            </legend>
            <p className="govuk-hint">As it would be on the record.</p>
            <TextInput name="childGivenName" label="First name" autoComplete={own ? 'given-name' : 'off'} defaultValue={values.childGivenName} error={errors.childGivenName} className="govuk-!-width-one-half" inputProps={register('childGivenName')} />
            <TextInput name="childFamilyName" label="Last name" autoComplete={own ? 'family-name' : 'off'} defaultValue={values.childFamilyName} error={errors.childFamilyName} className="govuk-!-width-one-half" inputProps={register('childFamilyName')} />
          </fieldset>
        ) : null}
        {question === 'dateOfBirth' ? (
          <DateInput name="dateOfBirth" legend={own ? 'What is your date of birth?' : 'What is your child’s date of birth?'} headingLegend hint="For example, 27 3 2012" error={errors.dateOfBirth} values={values} partProps={register} />
        ) : null}
        {question === 'postcode' ? (
          <>
            <h1 className="govuk-heading-l">{own ? 'What is the postcode where you live?' : 'What is the postcode where your child lives?'}</h1>
            <TextInput name="postcode" label="Postcode" hint="The code we send goes in a letter to the address on the record." autoComplete={own ? 'postal-code' : 'off'} defaultValue={values.postcode} error={errors.postcode} className="govuk-input--width-10" inputProps={register('postcode')} />
          </>
        ) : null}
        <button type="submit" name="step" value={`answer:${question}`} className="govuk-button" data-module="govuk-button" disabled={pending}>
          Continue
        </button>
      </form>
    </>
  );
}

/** "27 March 2012", as the date was typed in three parts (the page is only reached with a real date). */
function readableDate(values: Values): string {
  const folded = foldDateParts(values, 'dateOfBirth').dateOfBirth;
  return typeof folded === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(folded) ? formatDate(folded) : `${values.dateOfBirthDay} ${values.dateOfBirthMonth} ${values.dateOfBirthYear}`;
}

function CheckAnswers({ values, pending }: { values: Values; pending: boolean }) {
  const own = values.relationship !== 'parent';
  const rows: [string, string, IdentityQuestion][] = [
    ['Whose record', own ? 'My own record' : 'My child’s record', 'relationship'],
    ...(own ? [] : ([['Your name', `${values.parentGivenName} ${values.parentFamilyName}`, 'parent']] as [string, string, IdentityQuestion][])),
    [own ? 'Your name' : 'Your child’s name', `${values.childGivenName} ${values.childFamilyName}`, 'child'],
    ['Date of birth', readableDate(values), 'dateOfBirth'],
    ['Postcode', values.postcode?.toUpperCase() ?? '', 'postcode'],
  ];
  return (
    <>
      <h1 className="govuk-heading-l">Check your answers</h1>
      <dl className="govuk-summary-list">
        {rows.map(([key, value, question]) => (
          <SummaryRow
            key={key}
            label={key}
            actions={
              <button type="submit" name="step" value={`change:${question}`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={pending}>
                Change<span className="govuk-visually-hidden"> {key.toLowerCase()}</span>
              </button>
            }
          >
            {value}
          </SummaryRow>
        ))}
      </dl>
      <p className="govuk-body">If these details match a record, we will send a code to prove it is yours to see. The next page says how it will come.</p>
      <button type="submit" name="step" value="send" className="govuk-button" data-module="govuk-button" disabled={pending}>
        Send me a code
      </button>
    </>
  );
}
