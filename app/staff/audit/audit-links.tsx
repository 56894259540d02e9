import Link from 'next/link';
import { formatIndexNumber } from '@/lib/records/index-number-codec';

/** "Who looked at this child": the explorer filtered by the record's index number. */
export function ChildEventsLink({ indexNumber }: { indexNumber: string }) {
  return (
    <Link className="govuk-link" href={`/staff/audit?${new URLSearchParams({ indexNumber })}`}>
      {formatIndexNumber(indexNumber)}
      <span className="govuk-visually-hidden">: who looked at this child</span>
    </Link>
  );
}

/** "What did this user do": the explorer filtered by the user name. */
export function UserEventsLink({ username, name }: { username: string; name: string }) {
  return (
    <Link className="govuk-link" href={`/staff/audit?${new URLSearchParams({ username })}`}>
      {name}
      <span className="govuk-visually-hidden">: what did this user do</span>
    </Link>
  );
}

/** The explorer filtered by an organisation. */
export function OrganisationEventsLink({ organisationId, name }: { organisationId: string; name: string }) {
  return (
    <Link className="govuk-link" href={`/staff/audit?${new URLSearchParams({ organisationId })}`}>
      {name}
      <span className="govuk-visually-hidden">: every event by its staff</span>
    </Link>
  );
}
