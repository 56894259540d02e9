import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { requireApiClient } from '@/lib/api-clients/require-api-client';
import { todayInLondon } from '@/lib/kernel/dates';
import { jsonResponse } from '@/lib/http/json-response';
import { receiveUpload } from '@/lib/loads/receive-upload';
import { uploadCeilingBytes } from '@/lib/loads/upload-ceiling';
import { viewLoad } from '@/lib/loads/view-load';
import { ZLoadUpload } from '@/lib/validation/load-upload';
import { fieldErrors } from '@/lib/kernel/field-errors';
import { attempt } from '@/app/_components/refusals';

export const dynamic = 'force-dynamic';

/**
 * A source system's client sends one delivery: `POST /api/v1/loads?source=<code>&asOf=YYYY-MM-DD` with the CSV file
 * as the body (docs/load-format.md). The body is stored as it arrives and the answer is 202 with, in `Location`, the
 * load's status address (GET /api/v1/loads/<id>): the job worker checks the file (a malformed one is refused there,
 * with the reason in the status), stages, matches and applies it. The same file as a load already staged answers 200
 * with that load; a file over LOAD_UPLOAD_MAX_MB 413; a second file while one is still being received or checked 409.
 */
export async function POST(request: Request) {
  const call = await requireApiClient(request);
  if ('refusal' in call) return call.refusal;
  const parsed = ZLoadUpload.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonResponse({ error: 'The request is not valid.', fields: fieldErrors(parsed.error) }, 400);
  if (!request.body) return jsonResponse({ error: 'Send the file as the body of the request.' }, 400);
  const declared = request.headers.get('content-length');
  const answered = await attempt(async () => {
    const { loadId, alreadyReceived } = await receiveUpload({
      db: call.db,
      sourceCode: parsed.data.source,
      fileName: parsed.data.fileName ?? `api-${new Date().toISOString()}.csv`,
      asOf: parsed.data.asOf ?? todayInLondon(),
      submittedBy: { kind: 'api_client', id: call.client.id },
      organisationId: call.client.organisationId,
      body: Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>),
      declaredBytes: declared === null ? null : Number(declared),
      ceilingBytes: uploadCeilingBytes(),
      clientAddress: call.clientAddress,
    });
    const load = await viewLoad({ db: call.db, viewer: { organisationId: call.client.organisationId, national: false }, loadId });
    const response = jsonResponse({ alreadyReceived, ...load }, alreadyReceived ? 200 : 202);
    response.headers.set('Location', `/api/v1/loads/${loadId}`);
    return response;
  });
  return answered.refused ? jsonResponse({ error: answered.message }, answered.error.status) : answered.value;
}
