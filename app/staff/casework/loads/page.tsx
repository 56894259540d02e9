import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDateTime } from '@/lib/kernel/dates';
import { listLoads } from '@/lib/loads/list-loads';
import { CaseworkNavigation } from '../casework-navigation';
import { loadStatus } from './load-status';

export const metadata: Metadata = { title: 'Source loads' };

/** The loads of the council's and the national source systems, newest first: how far each has got and what it did. */
export default async function LoadsPage() {
  const caseworker = await requireStaff('caseworker');
  const loads = await listLoads({ db: await getDb(), viewer: { organisationId: caseworker.organisationId, localAuthorityCode: caseworker.localAuthorityCode, national: false } });
  return (
    <>
      <CaseworkNavigation current="/staff/casework/loads" />
      <h1 className="govuk-heading-l">Source loads</h1>
      <p className="govuk-body">
        Each delivery from a source system: its rows are matched to the children held or make new records. Uncertain matches, and every row that resembles a
        shielded child, wait for your decision.
      </p>
      <Link className="govuk-button govuk-button--secondary" href="/staff/casework/loads/new">
        Send a load file
      </Link>
      {loads.length === 0 ? (
        <p className="govuk-body">There are no loads yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{loads.length === 1 ? '1 load' : `${loads.length} loads`}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Received</th>
              <th scope="col" className="govuk-table__header">Source and file</th>
              <th scope="col" className="govuk-table__header">Progress</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Rows</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Rejected</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">To review</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {loads.map((load) => {
              const status = loadStatus(load.status, load.counts, load.beingWorked);
              return (
                <tr className="govuk-table__row" key={load.id}>
                  <td className="govuk-table__cell">{formatDateTime(load.receivedAt)}</td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" href={`/staff/casework/loads/${load.id}`}>
                      {load.sourceName}: {load.fileName}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${status.tag}`}>{status.text}</strong>
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{load.counts.rows.toLocaleString('en-GB')}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{load.counts.rejected.toLocaleString('en-GB')}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{load.pendingReviews.toLocaleString('en-GB')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
