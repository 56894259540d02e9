import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listOpenAlerts } from '@/lib/alerts/list-open-alerts';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDateTime } from '@/lib/kernel/dates';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { NotificationBanner } from '../../../_components/notification-banner';
import { CaseworkNavigation } from '../casework-navigation';
import { ALERT_KINDS } from './alert-kinds';

export const metadata: Metadata = { title: 'Alerts to review' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Shield overrides and emergency access in the council's area, for the index team to review, newest first. */
export default async function AlertsPage({ searchParams }: Props) {
  const caseworker = await requireStaff('caseworker');
  const rows = await listOpenAlerts({ db: await getDb(), caseworker });
  const reviewed = (await searchParams).done === 'reviewed';
  return (
    <>
      {reviewed ? <NotificationBanner success text="Your review has been recorded." /> : null}
      <CaseworkNavigation current="/staff/casework/alerts" />
      <h1 className="govuk-heading-l">Alerts to review</h1>
      <p className="govuk-body">
        Each time a practitioner overrides a shield, or opens a record in an emergency, your index team is told at once. Review each one: was the reason
        given enough?
      </p>
      {rows.length === 0 ? (
        <p className="govuk-body">There are no alerts to review.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{rows.length === 1 ? '1 alert' : `${rows.length} alerts`}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Raised</th>
              <th scope="col" className="govuk-table__header">What</th>
              <th scope="col" className="govuk-table__header">Who</th>
              <th scope="col" className="govuk-table__header">Index number</th>
              <th scope="col" className="govuk-table__header">Reason given</th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.id}>
                <td className="govuk-table__cell">{formatDateTime(row.raisedAt)}</td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag ${ALERT_KINDS[row.kind].tag}`}>{ALERT_KINDS[row.kind].text}</strong>
                </td>
                <td className="govuk-table__cell">
                  {row.staffName}, {row.organisationName}
                </td>
                <td className="govuk-table__cell">{row.indexNumber ? formatIndexNumber(row.indexNumber) : 'No longer on the index'}</td>
                <td className="govuk-table__cell">{row.reason}</td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`/staff/casework/alerts/${row.id}`}>
                    Review<span className="govuk-visually-hidden"> the alert raised {formatDateTime(row.raisedAt)} by {row.staffName}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
