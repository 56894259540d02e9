import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { viewAlert } from '@/lib/alerts/view-alert';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDateTime } from '@/lib/kernel/dates';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { isRecordId } from '@/lib/records/record-path';
import { outcomeLabel } from '@/lib/validation/alert-review';
import { SummaryRow } from '../../../../_components/record/summary-row';
import { ALERT_KINDS } from '../alert-kinds';
import { ReviewForm } from './review-form';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Review an alert' };

type Props = { params: Promise<{ alertId: string }> };

/** One alert: what happened, who did it and why; the review form, or the review already recorded. */
export default async function AlertPage({ params }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { alertId } = await params;
  if (!isRecordId(alertId)) notFound();
  const alert = await viewAlert({ db: await getDb(), caseworker, alertId });
  if (!alert) return refuseAsNotFound('No alert of their council with this id');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href="/staff/casework/alerts">
          Back to the alerts
        </Link>
        <span className="govuk-caption-l">{ALERT_KINDS[alert.kind].text}</span>
        <h1 className="govuk-heading-l">Review an alert</h1>
        <dl className="govuk-summary-list">
          <SummaryRow label="Raised">{formatDateTime(alert.raisedAt)}</SummaryRow>
          <SummaryRow label="By">
            {alert.staffName}, {alert.organisationName}
          </SummaryRow>
          <SummaryRow label="Index number">{alert.indexNumber ? formatIndexNumber(alert.indexNumber) : 'No longer on the index'}</SummaryRow>
          <SummaryRow label="Reason given">{alert.reason}</SummaryRow>
          {alert.reviewedAt ? (
            <>
              <SummaryRow label="Reviewed">
                {formatDateTime(alert.reviewedAt)} by {alert.reviewedBy}
              </SummaryRow>
              <SummaryRow label="Outcome">{outcomeLabel(alert.outcome ?? '')}</SummaryRow>
              <SummaryRow label="Note">{alert.reviewNote}</SummaryRow>
            </>
          ) : null}
        </dl>
        {alert.reviewedAt ? null : <ReviewForm alertId={alert.id} />}
      </div>
    </div>
  );
}
