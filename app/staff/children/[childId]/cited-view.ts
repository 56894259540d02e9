import { notFound, redirect } from 'next/navigation';
import { isRecordId, parseEventId } from '@/lib/records/record-path';

type RecordPageProps = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * For a page reached from a child's record (shielding, putting forward to stay on): the child and the audited view of
 * the record it cites. Without one, back to the record, which asks why first.
 */
export async function citedRecordView({ params, searchParams }: RecordPageProps): Promise<{ childId: string; purpose: number }> {
  const { childId } = await params;
  if (!isRecordId(childId)) notFound();
  const purpose = parseEventId((await searchParams).purpose);
  if (purpose === null) redirect(`/staff/children/${childId}`);
  return { childId, purpose };
}
