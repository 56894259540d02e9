import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/require-staff';
import { isRecordId, recordPath } from '@/lib/records/record-path';
import { IndicationForm } from './indication-form';
import { requireOwnPurpose } from '../own-purpose';

export const metadata: Metadata = { title: 'Record an early help assessment or lead professional' };

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecordIndicationPage({ params, searchParams }: Props) {
  const practitioner = await requireStaff('practitioner');
  const { childId } = await params;
  if (!isRecordId(childId)) notFound();
  const purpose = await requireOwnPurpose(practitioner, childId, (await searchParams).purpose);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={recordPath(childId, purpose)}>
          Back to the record
        </Link>
        <h1 className="govuk-heading-l">Record an early help assessment or lead professional</h1>
        <p className="govuk-body">
          Record that an early help assessment (the Common Assessment Framework) has been done for this child, or that a lead
          professional has been agreed, and whom others should contact about it. Record only that it happened, never what the
          assessment says.
        </p>
        <IndicationForm childId={childId} purpose={String(purpose)} defaults={{ contactName: practitioner.displayName, contactEmail: practitioner.email }} />
      </div>
    </div>
  );
}
