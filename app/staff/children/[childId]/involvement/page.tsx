import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { listServicesFor } from '@/lib/involvements/list-services-for';
import { isRecordId, recordPath } from '@/lib/records/record-path';
import { InvolvementForm } from './involvement-form';
import { requireOwnPurpose } from '../own-purpose';

export const metadata: Metadata = { title: 'Record that you work with this child' };

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecordInvolvementPage({ params, searchParams }: Props) {
  const practitioner = await requireStaff('practitioner');
  const { childId } = await params;
  if (!isRecordId(childId)) notFound();
  const purpose = await requireOwnPurpose(practitioner, childId, (await searchParams).purpose);
  const services = await listServicesFor({ db: await getDb(), practitioner });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={recordPath(childId, purpose)}>
          Back to the record
        </Link>
        <h1 className="govuk-heading-l">Record that you work with this child</h1>
        <p className="govuk-body">
          Others already working with the child will get an email saying that someone else now works with them — nothing more.
          They can then see your contact details on the record. You can record only a service your organisation provides.
        </p>
        {services.length ? (
          <InvolvementForm childId={childId} purpose={String(purpose)} services={services} defaults={{ email: practitioner.email }} />
        ) : (
          <div className="govuk-inset-text">
            Your organisation has no services on the index, so you cannot record that you work with a child. Ask your
            access manager to add the services your organisation provides.
          </div>
        )}
      </div>
    </div>
  );
}
