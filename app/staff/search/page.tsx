import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { requireStaff } from '@/lib/auth/require-staff';
import { clientAddress } from '@/lib/http/client-address';
import { parseEventId } from '@/lib/records/record-path';
import { findSearchResults } from '@/lib/search/find-search-results';
import type { TChildSearch } from '@/lib/validation/child-search';
import { SearchForm } from './search-form';

export const metadata: Metadata = { title: 'Find a child' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The form as the search was typed, so that it can be changed and run again. */
function formValues(search: TChildSearch): Record<string, string> {
  const [year = '', month = '', day = ''] = search.dateOfBirth?.split('-') ?? [];
  const values: Record<string, string | undefined> = {
    reason: search.reason,
    reasonDetail: search.reasonDetail,
    familyName: search.familyName,
    givenName: search.givenName,
    dateOfBirthDay: day && String(Number(day)),
    dateOfBirthMonth: month && String(Number(month)),
    dateOfBirthYear: year,
    postcode: search.postcode,
    indexNumber: search.indexNumber,
  };
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

export default async function SearchPage({ searchParams }: Props) {
  const staff = await requireStaff('practitioner', 'caseworker');
  const resultsOf = (await searchParams).results;
  const searchEventId = parseEventId(resultsOf);
  if (resultsOf !== undefined && searchEventId === null) return refuseAsNotFound('Search results asked for with an id that is not one');
  const found =
    searchEventId === null
      ? null
      : await findSearchResults({ db: await getDb(), viewer: staff, searchEventId, clientAddress: clientAddress(await headers()), now: new Date() });
  if (searchEventId !== null && !found) return refuseAsNotFound('No recent search of theirs with this id');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Find a child</h1>
        <p className="govuk-body">
          Give the family name and the date of birth or postcode, or the index number alone. Every search is recorded with
          your reason.
        </p>
        <SearchForm key={searchEventId ?? 'new'} values={found ? formValues(found.search) : undefined} result={found?.result} />
      </div>
    </div>
  );
}
