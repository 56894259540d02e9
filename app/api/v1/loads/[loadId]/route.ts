import { requireApiClient } from '@/lib/api-clients/require-api-client';
import { jsonResponse } from '@/lib/http/json-response';
import { viewLoad } from '@/lib/loads/view-load';
import { isRecordId } from '@/lib/records/record-path';
import { whenRefused } from '@/app/_components/refusals';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ loadId: string }> };

const NOT_FOUND = { error: 'There is no such load.' };

/**
 * A source system's client follows a load it sent: `GET /api/v1/loads/<id>` (the POST's `Location`) answers its
 * status, counts and reject report. Only its own organisation's loads: any other is not found, as an unknown id is.
 */
export async function GET(request: Request, { params }: Context) {
  const call = await requireApiClient(request);
  if ('refusal' in call) return call.refusal;
  const { loadId } = await params;
  if (!isRecordId(loadId)) return jsonResponse(NOT_FOUND, 404);
  return viewLoad({ db: call.db, viewer: { organisationId: call.client.organisationId, national: false }, loadId }).then(
    (load) => jsonResponse(load),
    whenRefused((error) => jsonResponse({ error: error.userMessage }, error.status)),
  );
}
