import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDate, formatDateTime } from '@/lib/kernel/dates';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { isRecordId, parseEventId } from '@/lib/records/record-path';
import { loadArchivedRecord } from '@/lib/retention/load-archived-record';
import { OtherNameRows } from '../../../../_components/record/child-details';
import { GENDER_LABELS } from '../../../../_components/record/labels';
import { SummaryRow } from '../../../../_components/record/summary-row';
import { VersionHistory } from '../../../../_components/record/version-history';

export const metadata: Metadata = { title: 'Archived record' };

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** An archived record as held when it left the live index, reached only from the caseworker's own audited lookup. */
export default async function ArchivedRecordPage({ params, searchParams }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { childId } = await params;
  if (!isRecordId(childId)) notFound();
  const viewEventId = parseEventId((await searchParams).view);
  if (viewEventId === null) redirect('/staff/casework/archive');
  const record = await loadArchivedRecord({ db: await getDb(), caseworker, childId, viewEventId });
  if (!record) redirect('/staff/casework/archive');
  const { child } = record;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/staff/casework/archive">
          Back to the archive
        </Link>
        <span className="govuk-caption-l">Archived record, index number {formatIndexNumber(child.indexNumber)}</span>
        <h1 className="govuk-heading-l">
          {child.givenNames} {child.familyName}
        </h1>
        <div className="govuk-inset-text">This record has left the live index. Practitioners cannot find or see it; it is kept only for the index team until its purge date.</div>
        <dl className="govuk-summary-list">
          <SummaryRow label="Given names">{child.givenNames}</SummaryRow>
          <SummaryRow label="Family name">{child.familyName}</SummaryRow>
          <OtherNameRows names={record.otherNames} />
          <SummaryRow label="Gender">{GENDER_LABELS[child.gender]}</SummaryRow>
          <SummaryRow label="Date of birth">{formatDate(child.dateOfBirth)}</SummaryRow>
          {child.dateOfDeath ? <SummaryRow label="Date of death">{formatDate(child.dateOfDeath)}</SummaryRow> : null}
          {child.stayOnUntil ? <SummaryRow label="Stayed on until">{formatDate(child.stayOnUntil)}</SummaryRow> : null}
          <SummaryRow label="Left the live index">{formatDateTime(child.archivedAt)}</SummaryRow>
          <SummaryRow label="To be deleted for good on">{formatDate(child.purgeOn)}</SummaryRow>
        </dl>
        <h2 className="govuk-heading-m">History of the record</h2>
        <VersionHistory history={record.history} />
      </div>
    </div>
  );
}
