import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDate } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { listChildrenAtAddress } from '@/lib/records/list-children-at-address';
import { isRecordId, parseEventId, recordPath } from '@/lib/records/record-path';
import { GENDER_LABELS } from '../../../../_components/record/labels';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Other children at this address' };

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HouseholdPage({ params, searchParams }: Props) {
  const staff = await requireStaff('practitioner', 'caseworker');
  const { childId } = await params;
  const viewEventId = parseEventId((await searchParams).view);
  if (!isRecordId(childId) || viewEventId === null) notFound();
  const result = await listChildrenAtAddress({ db: await getDb(), viewer: staff, childId, viewEventId, clientAddress: clientAddress(await headers()) });
  if (result.outcome === 'not_available') return refuseAsNotFound('No household they may see for this record');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={recordPath(childId, viewEventId)}>
          Back to the record
        </Link>
        <h1 className="govuk-heading-l">Other children at this address</h1>
        <p className="govuk-body">This list is recorded on the audit trail, with the reason you gave for viewing the record.</p>
        {result.children.length === 0 ? (
          <p className="govuk-body">No other children on the index live at this address.</p>
        ) : (
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Date of birth</th>
                <th scope="col" className="govuk-table__header">Gender</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {result.children.map((child) => (
                <tr className="govuk-table__row" key={child.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" href={recordPath(child.id, result.eventId)}>
                      {child.givenNames} {child.familyName}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{formatDate(child.dateOfBirth)}</td>
                  <td className="govuk-table__cell">{GENDER_LABELS[child.gender]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
