import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDate } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { viewMatchReview, type ComparedPerson } from '@/lib/loads/view-match-review';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { isRecordId } from '@/lib/records/record-path';
import { isRealIsoDay } from '@/lib/validation/iso-day';
import { DecideMatchForm } from './decide-match-form';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { whenRefused } from '@/app/_components/refusals';

export const metadata: Metadata = { title: 'Compare a candidate match' };

type Props = { params: Promise<{ reviewId: string }> };

const FIELDS: { key: keyof ComparedPerson; label: string }[] = [
  { key: 'givenNames', label: 'Given names' },
  { key: 'familyName', label: 'Family name' },
  { key: 'formerNames', label: 'Former names' },
  { key: 'gender', label: 'Gender' },
  { key: 'dateOfBirth', label: 'Date of birth' },
  { key: 'dateOfDeath', label: 'Date of death' },
  { key: 'address', label: 'Address' },
  { key: 'postcode', label: 'Postcode' },
  { key: 'carers', label: 'Parents and carers' },
];

/** A value as people read it: dates as "4 December 2026". */
const shown = (value: string | null | undefined) => (value ? (isRealIsoDay(value) ? formatDate(value) : value) : '–');

/** The row as the source sent it beside the child held, field by field, and the decision. */
export default async function MatchReviewPage({ params }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { reviewId } = await params;
  if (!isRecordId(reviewId)) notFound();
  const review = await viewMatchReview({ db: await getDb(), caseworker, reviewId, clientAddress: clientAddress(await headers()) }).catch(whenRefused(() => refuseAsNotFound('No match review of their council with this id'), 'not_found'));
  return (
    <>
      <Link className="govuk-back-link" href={`/staff/casework/loads/${review.loadId}`}>
        Back to the load
      </Link>
      <span className="govuk-caption-l">{`${review.sourceName}, row ${review.rowNumber}`}</span>
      <h1 className="govuk-heading-l">Is this the same child?</h1>
      {review.candidate.isShielded ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The record held is shielded. If you keep them apart, the new record is shielded too.
          </strong>
        </div>
      ) : null}
      {review.heldBackBy ? (
        <div className="govuk-inset-text">
          {`Only the index team at ${review.heldBackBy.localAuthorityName} sees this shielded record whole and decides this match. Contact them on ${review.heldBackBy.phone}.`}
        </div>
      ) : null}
      <p className="govuk-body">{`Why it is here: ${review.because}. Match weight ${review.matchWeight.toFixed(1)}.`}</p>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Item</span>
            </th>
            <th scope="col" className="govuk-table__header">{`From the source (id ${review.incoming.sourcePersonId})`}</th>
            <th scope="col" className="govuk-table__header">{`Held on the index (${formatIndexNumber(review.candidate.indexNumber)})`}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {FIELDS.map(({ key, label }) => {
            const incoming = shown(review.incoming[key]);
            const held = shown(review.candidate[key]);
            return (
              <tr className="govuk-table__row" key={key}>
                <th scope="row" className="govuk-table__header">{label}</th>
                <td className="govuk-table__cell">{incoming === held ? incoming : <strong>{incoming}</strong>}</td>
                <td className="govuk-table__cell">{incoming === held ? held : <strong>{held}</strong>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {review.status === 'pending' ? <DecideMatchForm reviewId={review.id} loadId={review.loadId} /> : <p className="govuk-body">This match has been decided.</p>}
    </>
  );
}
