import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDate } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { loadShieldState } from '@/lib/records/load-shield-state';
import { recordPath } from '@/lib/records/record-path';
import { citedRecordView } from '../cited-view';
import { SummaryRow } from '../../../../_components/record/summary-row';
import { ShieldForm } from './shield-form';

export const metadata: Metadata = { title: 'Shielding a record' };

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The index team sets a shield, or lifts the one in force, with a reason. */
export default async function ShieldPage({ params, searchParams }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { childId, purpose } = await citedRecordView({ params, searchParams });
  const state = await loadShieldState({ db: await getDb(), caseworker, childId, purposeEventId: purpose, clientAddress: clientAddress(await headers()) });
  if (!state) notFound();
  if (state === 'purpose_needed') redirect(`/staff/children/${childId}`);
  const { child, shield, refusal, household } = state;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={recordPath(childId, purpose)}>
          Back to the record
        </Link>
        <span className="govuk-caption-l">
          {child.givenNames} {child.familyName}, index number {formatIndexNumber(child.indexNumber)}
        </span>
        <h1 className="govuk-heading-l">{child.isShielded ? 'Lift the shield' : 'Shield this record'}</h1>
        {shield ? (
          <dl className="govuk-summary-list">
            <SummaryRow label="Shielded since">{formatDate(shield.shieldedAt)}</SummaryRow>
            <SummaryRow label="Shielded by">{shield.shieldedBy ?? 'Not recorded'}</SummaryRow>
            <SummaryRow label="Index team">{shield.localAuthorityName}</SummaryRow>
            <SummaryRow label="Reason">{shield.reason}</SummaryRow>
          </dl>
        ) : null}
        <p className="govuk-body">
          {child.isShielded
            ? 'Once the shield is lifted, practitioners see the whole record again and searches by postcode can find the child.'
            : 'Practitioners will see only the child’s name, gender, date of birth, index number and parents’ names, with your index team to contact. Searches by postcode will no longer find the child.'}
        </p>
        {refusal ? (
          <div className="govuk-inset-text">{refusal}</div>
        ) : (
          <ShieldForm childId={child.id} change={child.isShielded ? 'lift' : 'shield'} purpose={String(purpose)} version={child.version} household={household} />
        )}
      </div>
    </div>
  );
}
