import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDate } from '@/lib/kernel/dates';
import { listMatchReviews } from '@/lib/loads/list-match-reviews';
import { viewLoad } from '@/lib/loads/view-load';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { isRecordId } from '@/lib/records/record-path';
import { SummaryRow } from '../../../../_components/record/summary-row';
import { loadProgress } from '../load-status';
import { LoadProgressBar } from './load-progress';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { whenRefused } from '@/app/_components/refusals';

export const metadata: Metadata = { title: 'A source load' };

type Props = { params: Promise<{ loadId: string }> };

/** One load: its progress and outcome, its reject report and the matches waiting for a decision. */
export default async function LoadPage({ params }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { loadId } = await params;
  if (!isRecordId(loadId)) notFound();
  const db = await getDb();
  const load = await viewLoad({ db, viewer: { organisationId: caseworker.organisationId, localAuthorityCode: caseworker.localAuthorityCode, national: false }, loadId }).catch(whenRefused(() => refuseAsNotFound('No load they may see with this id'), 'not_found'));
  const reviews = await listMatchReviews({ db, caseworker, loadId });
  const progress = loadProgress(load);
  const c = load.counts;
  return (
    <>
      <Link className="govuk-back-link" href="/staff/casework/loads">
        Back to the loads
      </Link>
      <span className="govuk-caption-l">{load.source.name}</span>
      <h1 className="govuk-heading-l">{load.fileName}</h1>
      <h2 className="govuk-heading-m">Progress</h2>
      <LoadProgressBar key={`${progress.status}-${progress.percent}`} loadId={load.id} initial={progress} />
      {progress.finished ? null : (
        <p className="govuk-body">
          <Link className="govuk-link" href={`/staff/casework/loads/${load.id}`}>
            Refresh the progress
          </Link>
        </p>
      )}
      <dl className="govuk-summary-list">
        {load.refusal ? <SummaryRow label="Why it was refused">{load.refusal}</SummaryRow> : null}
        <SummaryRow label="Confirmed by the source on">{formatDate(load.asOf)}</SummaryRow>
        <SummaryRow label="Rows">{`${c.rows.toLocaleString('en-GB')}, of which ${c.rejected.toLocaleString('en-GB')} rejected`}</SummaryRow>
        <SummaryRow label="Found by the source’s own id">{c.bySourceId.toLocaleString('en-GB')}</SummaryRow>
        <SummaryRow label="Linked automatically">
          {c.sameChildInFile
            ? `${c.linked.toLocaleString('en-GB')}, of which ${c.sameChildInFile.toLocaleString('en-GB')} to a new record an earlier row of the file made`
            : c.linked.toLocaleString('en-GB')}
        </SummaryRow>
        <SummaryRow label="Sent for review">{`${c.review.toLocaleString('en-GB')} (${load.pendingReviews.toLocaleString('en-GB')} still waiting)`}</SummaryRow>
        <SummaryRow label="New records">{c.created.toLocaleString('en-GB')}</SummaryRow>
        <SummaryRow label="Records changed">{c.updated.toLocaleString('en-GB')}</SummaryRow>
      </dl>
      <h2 className="govuk-heading-m">Matches to review</h2>
      {reviews.length === 0 ? (
        <p className="govuk-body">No matches are waiting for a decision.</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Row</th>
              <th scope="col" className="govuk-table__header">Candidate</th>
              <th scope="col" className="govuk-table__header">Why</th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {reviews.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <td className="govuk-table__cell">{r.rowNumber}</td>
                <td className="govuk-table__cell">{formatIndexNumber(r.candidateIndexNumber)}</td>
                <td className="govuk-table__cell">{r.because}</td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`/staff/casework/loads/reviews/${r.id}`}>
                    Compare<span className="govuk-visually-hidden"> row {r.rowNumber} with {formatIndexNumber(r.candidateIndexNumber)}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Reject report</h2>
      {load.rejects.length === 0 ? (
        <p className="govuk-body">No rows were rejected.</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Row</th>
              <th scope="col" className="govuk-table__header">Field</th>
              <th scope="col" className="govuk-table__header">Reason</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {load.rejects.map((r) => (
              <tr className="govuk-table__row" key={`${r.rowNumber}-${r.field}-${r.reason}`}>
                <td className="govuk-table__cell">{r.rowNumber}</td>
                <td className="govuk-table__cell">{r.field}</td>
                <td className="govuk-table__cell">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {load.rejectsLeftOut > 0 ? <p className="govuk-body">{`… and ${load.rejectsLeftOut.toLocaleString('en-GB')} more.`}</p> : null}
    </>
  );
}
