import { getDb } from '@/db';
import { recordRefusal } from '@/lib/auth/record-refusal';
import { requireStaff } from '@/lib/auth/require-staff';
import { AppError } from '@/lib/kernel/errors';
import { jsonResponse } from '@/lib/http/json-response';
import { viewLoad } from '@/lib/loads/view-load';
import { isRecordId } from '@/lib/records/record-path';
import { loadProgress } from '../../load-status';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ loadId: string }> };

const NOT_FOUND = { error: 'There is no such load.' };

/**
 * The load page's progress bar, asked for again every few seconds by its script: the step, the share done and the
 * counts' words, with the page's guard and the same loads visible. Nothing in it names a child.
 */
export async function GET(_request: Request, { params }: Context) {
  const caseworker = await requireStaff('caseworker');
  const { loadId } = await params;
  if (!isRecordId(loadId)) return jsonResponse(NOT_FOUND, 404);
  try {
    const load = await viewLoad({ db: await getDb(), viewer: { organisationId: caseworker.organisationId, localAuthorityCode: caseworker.localAuthorityCode, national: false }, loadId });
    return jsonResponse(loadProgress(load));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      await recordRefusal({ actor: { kind: 'staff', id: caseworker.id, organisationId: caseworker.organisationId }, status: 404, why: 'No load they may see with this id' });
      return jsonResponse(NOT_FOUND, 404);
    }
    throw error;
  }
}
