import type { IndexTeamContact } from '@/lib/records/child-record';

/** How to reach the index team that brokers contact. */
export function IndexTeam({ team }: { team: IndexTeamContact }) {
  return (
    <>
      the index team at {team.localAuthorityName} on <span className="govuk-!-font-weight-bold">{team.phone}</span> or{' '}
      <a className="govuk-link" href={`mailto:${team.email}`}>
        {team.email}
      </a>
    </>
  );
}
