import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { listCitizenRecords } from '@/lib/portal/list-citizen-records';
import { isRecordId } from '@/lib/records/record-path';
import { StayOnForm } from './stay-on-form';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Ask to stay on the index until you are 25' };

export default async function StayOnPage({ params }: { params: Promise<{ linkId: string }> }) {
  const citizen = await requireCitizen();
  const { linkId } = await params;
  if (!isRecordId(linkId)) notFound();
  // Only the young person's own link, which they may see now: another citizen's (or a parent's) link gets no form.
  const linked = (await listCitizenRecords({ db: await getDb(), citizen })).find((entry) => entry.linkId === linkId);
  if (!linked || linked.relationship !== 'self' || !linked.access.allowed) return refuseAsNotFound('No record of their own, open to them, with this id');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={`/portal/records/${linkId}`}>
          Back to your record
        </Link>
        <h1 className="govuk-heading-l">Ask to stay on the index until you are 25</h1>
        <p className="govuk-body">
          Records normally leave the index at 18. If you are leaving care, or have learning difficulties and still get help
          from services, you can ask to stay on until you are 25, so that the people helping you can still find each other.
        </p>
        <p className="govuk-body">The index team will decide. You can withdraw your request, or your agreement, at any time.</p>
        <StayOnForm linkId={linkId} />
      </div>
    </div>
  );
}
