import Link from 'next/link';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';

/** The explorer narrowed to one identifier, the link's purpose said to screen-reader users too. */
function FilterLink({ name, value, text, purpose }: { name: 'indexNumber' | 'username' | 'organisationId'; value: string; text: string; purpose: string }) {
  return (
    <Link className="govuk-link" href={`/staff/audit?${new URLSearchParams({ [name]: value })}`}>
      {text}
      <span className="govuk-visually-hidden">: {purpose}</span>
    </Link>
  );
}

export const ChildEventsLink = ({ indexNumber }: { indexNumber: string }) => (
  <FilterLink name="indexNumber" value={indexNumber} text={formatIndexNumber(indexNumber)} purpose="who looked at this child" />
);

export const UserEventsLink = ({ username, name }: { username: string; name: string }) => <FilterLink name="username" value={username} text={name} purpose="what did this user do" />;

export const OrganisationEventsLink = ({ organisationId, name }: { organisationId: string; name: string }) => (
  <FilterLink name="organisationId" value={organisationId} text={name} purpose="every event by its staff" />
);
