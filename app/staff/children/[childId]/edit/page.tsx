import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDate } from '@/lib/kernel/dates';
import { formatIndexNumber } from '@/lib/kernel/index-number-codec';
import { isRecordId } from '@/lib/records/record-path';
import { describeValue } from '../../../../_components/form/change-fields';
import { NotificationBanner } from '../../../../_components/notification-banner';
import { itemSlug } from './item-slug';
import { editableRecordOrRefusal } from './editable-record';
import { EditRefused } from './refused';
import { SummaryRow } from '@/app/_components/record/summary-row';

export const metadata: Metadata = { title: 'Change the record' };

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditRecordPage({ params, searchParams }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { childId } = await params;
  if (!isRecordId(childId)) notFound();
  const record = await editableRecordOrRefusal(caseworker, childId);
  if ('refusal' in record) return <EditRefused message={record.refusal} />;
  const { child, items } = record;
  const changed = (await searchParams).done === 'changed';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {changed ? <NotificationBanner text="The record has been changed. A new version names you and your reason." success /> : null}
        <span className="govuk-caption-l">Index number {formatIndexNumber(child.indexNumber)}</span>
        <h1 className="govuk-heading-l">
          Change the record of {child.givenNames} {child.familyName}
        </h1>
        <p className="govuk-body">
          Change an item only when you know it is wrong, and say why. If a source system sent the item, it is told of the
          change so that its next load does not put the old value back.
        </p>
        <dl className="govuk-summary-list">
          {items.map((item) => (
            <SummaryRow
              key={`${item.key}-${item.itemId ?? ''}`}
              label={item.label}
              actions={
                <Link className="govuk-link" href={`/staff/children/${child.id}/edit/${itemSlug(item.key, item.itemId)}`}>
                  Change<span className="govuk-visually-hidden"> {item.label.toLowerCase()}</span>
                </Link>
              }
            >
              {describeValue(item.value)}
              <span className="govuk-hint govuk-!-margin-bottom-0">
                From {item.source}, last confirmed {formatDate(item.lastConfirmedAt)}
              </span>
            </SummaryRow>
          ))}
        </dl>
        <p className="govuk-body">
          <Link className="govuk-link" href={`/staff/children/${child.id}`}>
            Back to the record
          </Link>
        </p>
      </div>
    </div>
  );
}
