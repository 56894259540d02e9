import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDate } from '@/lib/kernel/dates';
import { isRecordId } from '@/lib/records/record-path';
import { changeFields } from '../../../../../_components/form/change-fields';
import { parseItemSlug } from '../item-slug';
import { editableRecordOrRefusal } from '../editable-record';
import { EditRefused } from '../refused';
import { EditItemForm } from './edit-item-form';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';

export const metadata: Metadata = { title: 'Change an item of the record' };

type Props = { params: Promise<{ childId: string; item: string }> };

export default async function EditItemPage({ params }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { childId, item: slug } = await params;
  const wanted = parseItemSlug(slug);
  if (!isRecordId(childId) || !wanted) notFound();
  const record = await editableRecordOrRefusal(caseworker, childId);
  if ('refusal' in record) return <EditRefused message={record.refusal} />;
  const item = record.items.find((i) => i.key === wanted.key && i.itemId === wanted.itemId);
  if (!item) return refuseAsNotFound('No such item on the record');
  const current = Object.fromEntries(Object.entries(item.value).map(([k, v]) => [k, v ?? '']));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={`/staff/children/${childId}/edit`}>
          Back
        </Link>
        <span className="govuk-caption-l">
          {record.child.givenNames} {record.child.familyName}
        </span>
        <h1 className="govuk-heading-l">Change: {item.label}</h1>
        <p className="govuk-body">
          Held now from {item.source}, last confirmed {formatDate(item.lastConfirmedAt)}.
        </p>
        <EditItemForm childId={childId} slug={slug} changeKey={item.key} fields={changeFields(item.key)} current={current} version={record.child.version} />
      </div>
    </div>
  );
}
