import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { openCorrectableRecord } from '@/lib/corrections/open-correctable-record';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { CorrectionForm } from './correction-form';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Ask for something to be corrected' };

export default async function NewCorrectionPage({ params }: { params: Promise<{ linkId: string }> }) {
  const citizen = await requireCitizen();
  const { linkId } = await params;
  if (!isRecordId(linkId)) notFound();
  const correctable = await openCorrectableRecord({ db: await getDb(), citizen, linkId, clientAddress: clientAddress(await headers()) });
  if (!correctable) return refuseAsNotFound('No record linked to their account with this id');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={`/portal/records/${linkId}`}>
          Back to the record
        </Link>
        <CorrectionForm linkId={linkId} items={correctable.items.map(({ key, label, valueAsHeld }) => ({ key, label, valueAsHeld }))} />
      </div>
    </div>
  );
}
