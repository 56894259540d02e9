import { getDb } from '@/db';
import { recordRefusal } from '@/lib/auth/record-refusal';
import { requireStaff } from '@/lib/auth/require-staff';
import { jsonResponse } from '@/lib/http/json-response';
import { viewLoad } from '@/lib/loads/view-load';
import { isRecordId } from '@/lib/records/record-path';
import { loadProgress } from '../../load-status';
import { whenRefused } from '@/app/_components/refusals';

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
  const viewer = { organisationId: caseworker.organisationId, localAuthorityCode: caseworker.localAuthorityCode, national: false };
  return viewLoad({ db: await getDb(), viewer, loadId }).then(
    (load) => jsonResponse(loadProgress(load)),
    whenRefused(async () => {
      await recordRefusal({ actor: { kind: 'staff', id: caseworker.id, organisationId: caseworker.organisationId }, status: 404, why: 'No load they may see with this id' });
      return jsonResponse(NOT_FOUND, 404);
    }, 'not_found'),
  );
}
