import Link from 'next/link';
import type { AuditEventRow } from '@/lib/audit/select-audit-events';
import { formatDateTime } from '@/lib/kernel/dates';
import { ChildEventsLink, OrganisationEventsLink, UserEventsLink } from './audit-links';

/** Who acted: their name (to "what did this user do"), role and organisation. */
export function WhoActed({ event }: { event: AuditEventRow }) {
  return (
    <>
      {event.username ? <UserEventsLink username={event.username} name={event.who} /> : event.who}
      {event.role ? <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">{event.role}</span> : null}
      {event.organisationId && event.organisationName ? (
        <span className="govuk-!-display-block">
          <OrganisationEventsLink organisationId={event.organisationId} name={event.organisationName} />
        </span>
      ) : null}
    </>
  );
}

/** The records involved, each a link to "who looked at this child"; the list names the first few. */
export function RecordsInvolved({ event }: { event: AuditEventRow }) {
  if (event.recordCount === 0) return <>None</>;
  if (event.childLinkWithheld) return <>Withheld: a sensitive service’s event (the index team can see them)</>;
  const gone = event.recordCount - event.indexNumbers.length;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {event.indexNumbers.map((n) => (
        <li key={n}>
          <ChildEventsLink indexNumber={n} />
        </li>
      ))}
      {gone > 0 ? <li>and {gone === 1 ? '1 more' : `${gone} more`}</li> : null}
    </ul>
  );
}

export function AuditEventsTable({ events }: { events: AuditEventRow[] }) {
  return (
    <table className="govuk-table govuk-!-font-size-16">
      <caption className="govuk-table__caption govuk-table__caption--m">Events, newest first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">When</th>
          <th scope="col" className="govuk-table__header">Who</th>
          <th scope="col" className="govuk-table__header">What</th>
          <th scope="col" className="govuk-table__header">Reason given</th>
          <th scope="col" className="govuk-table__header">Records</th>
          <th scope="col" className="govuk-table__header">Outcome</th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Details</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {events.map((event) => (
          <tr className="govuk-table__row" key={event.id}>
            <td className="govuk-table__cell">{formatDateTime(event.occurredAt)}</td>
            <td className="govuk-table__cell">
              <WhoActed event={event} />
            </td>
            <td className="govuk-table__cell">{event.actionLabel}</td>
            <td className="govuk-table__cell">{event.reason ?? 'None given'}</td>
            <td className="govuk-table__cell">
              <RecordsInvolved event={event} />
            </td>
            <td className="govuk-table__cell">{event.outcome}</td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" href={`/staff/audit/events/${event.id}`}>
                Details<span className="govuk-visually-hidden"> of event {event.id}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
