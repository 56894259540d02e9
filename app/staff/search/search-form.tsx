'use client';

import Link from 'next/link';
import { useActionState, useCallback } from 'react';
import type { AuditedSearch } from '@/lib/search/find-children';
import { formatDate } from '@/lib/kernel/dates';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { recordPath } from '@/lib/records/record-path';
import { SEARCH_REASONS, type TChildSearch, ZChildSearch } from '@/lib/validation/child-search';
import { ErrorSummary } from '../../_components/form/error-summary';
import { DateInput } from '../../_components/form/date-input';
import { Radios } from '../../_components/form/radios';
import { TextInput } from '../../_components/form/text-input';
import { useCheckedForm } from '../../_components/form/use-checked-form';
import { searchAction, type SearchFormState } from './search.action';

const tooManySearches = (seconds: number) =>
  `You have searched too many times in a short time. This search was not run, and has been recorded. You can search again in ${seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}.`;

/** What the practitioner left out that would separate the child from the look-alikes, in words. */
function detailsToAdd(values: Record<string, string>): string {
  const missing = [
    values.givenName?.trim() ? null : 'the given name',
    values.dateOfBirthYear?.trim() ? null : 'the date of birth',
    values.postcode?.trim() ? null : 'the postcode',
  ].filter((m): m is string => m !== null);
  if (!missing.length) return '';
  return ` If you know ${missing.length === 1 ? 'it' : 'them'}, add ${missing.join(' and ')}.`;
}

type Props = {
  /** The search whose results are shown, as it was typed. */
  values?: Record<string, string>;
  result?: AuditedSearch;
};

export function SearchForm({ values: searched = {}, result: found }: Props) {
  const [state, action, pending] = useActionState<SearchFormState, FormData>(searchAction, {});
  const values = state.values ?? searched;
  const { register, onSubmit, errors } = useCheckedForm<Record<string, unknown>, TChildSearch>(ZChildSearch, action, state.errors, undefined, [], ['dateOfBirth']);
  // A new search that did not run (a problem, or too many searches) leaves no results below it to be taken for its own.
  const result = state.values ? undefined : found;
  // As after any search, the focus and the view go to its results, so that nobody is left at the top of a long form.
  const focusOnResults = useCallback((heading: HTMLHeadingElement | null) => {
    heading?.focus();
    heading?.scrollIntoView();
  }, []);
  return (
    <>
      <ErrorSummary errors={errors} message={state.retryAfterSeconds ? tooManySearches(state.retryAfterSeconds) : undefined} />
      <form action={action} onSubmit={onSubmit} noValidate>
        <Radios
          name="reason"
          legend="Why are you searching?"
          options={SEARCH_REASONS}
          error={errors.reason}
          defaultValue={values.reason}
          inputProps={register('reason')}
          conditional={{
            other: <TextInput name="reasonDetail" label="Your reason" defaultValue={values.reasonDetail} error={errors.reasonDetail} className="govuk-!-width-two-thirds" inputProps={register('reasonDetail')} />,
          }}
        />
        <TextInput name="familyName" label="Family name" autoComplete="off" spellCheck={false} defaultValue={values.familyName} error={errors.familyName} className="govuk-!-width-one-half" inputProps={register('familyName')} />
        <TextInput name="givenName" label="Given name (optional)" autoComplete="off" spellCheck={false} defaultValue={values.givenName} error={errors.givenName} className="govuk-!-width-one-half" inputProps={register('givenName')} />
        <DateInput name="dateOfBirth" legend="Date of birth" hint="For example, 27 3 2015" error={errors.dateOfBirth} values={values} partProps={register} />
        <TextInput name="postcode" label="Postcode or postcode district" hint="Needed if you do not know the date of birth" autoComplete="off" defaultValue={values.postcode} error={errors.postcode} className="govuk-input--width-10" inputProps={register('postcode')} />
        <TextInput name="indexNumber" label="Or the index number alone" autoComplete="off" spellCheck={false} defaultValue={values.indexNumber} error={errors.indexNumber} className="govuk-input--width-20" inputProps={register('indexNumber')} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
          Search
        </button>
      </form>
      {result ? (
        <section id="results" aria-labelledby="results-heading">
          <h2 className="govuk-heading-m" id="results-heading" tabIndex={-1} ref={focusOnResults}>
            Search results
          </h2>
          {result?.outcome === 'too_many' ? (
            <div className="govuk-inset-text" role="status">
              Too many children match. Add more detail, such as the given name or date of birth.
            </div>
          ) : null}
          {result?.outcome === 'no_close_match' ? (
            <div className="govuk-inset-text" role="status">
              <p className="govuk-body govuk-!-font-weight-bold">No close match.</p>
              <p className="govuk-body">
                No child on the index has the names you gave
                {values.givenName?.trim() ? ' (both the family name and the given name, or variants of them)' : ''}. Other children are only
                partly alike, so they are not listed. Check the spelling of the names and the date of birth.{detailsToAdd(values)} The child may
                not be on the index.
              </p>
            </div>
          ) : null}
          {result?.outcome === 'matches' && result.matches.length === 0 ? (
            <div className="govuk-inset-text" role="status">
              No children match. Check the spelling and the date of birth, or search by postcode instead.
            </div>
          ) : null}
          {result?.outcome === 'matches' && result.matches.length > 0 ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {result.matches.length === 1 ? '1 possible match' : `${result.matches.length} possible matches`}, best first
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Date of birth</th>
                  <th scope="col" className="govuk-table__header">Gender</th>
                  <th scope="col" className="govuk-table__header">Area</th>
                  <th scope="col" className="govuk-table__header">Match</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {result.matches.map((m) => (
                  <tr className="govuk-table__row" key={m.childId}>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" href={recordPath(m.childId, result.auditEventId)}>
                        {m.givenNames} {m.familyName}
                      </Link>
                      <br />
                      <span className="govuk-hint">Index number {formatIndexNumber(m.indexNumber)}</span>
                    </td>
                    <td className="govuk-table__cell">{formatDate(m.dateOfBirth)}</td>
                    <td className="govuk-table__cell">{m.gender.replace('_', ' ')}</td>
                    <td className="govuk-table__cell">{m.shielded ? 'Not shown' : m.postcodeDistrict}</td>
                    <td className="govuk-table__cell">
                      <strong className={`govuk-tag ${m.score >= 85 ? 'govuk-tag--green' : 'govuk-tag--yellow'}`}>{m.score}%</strong>
                      <ul className="govuk-list govuk-body-s govuk-!-margin-top-1">
                        {m.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
