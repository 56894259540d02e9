import { Readable } from 'node:stream';
import { requireApiClient } from '@/lib/api-clients/require-api-client';
import { todayInLondon } from '@/lib/dates/london';
import { AppError } from '@/lib/errors';
import { jsonResponse } from '@/lib/http/json-response';
import { receiveLoad } from '@/lib/loads/receive-load';
import { viewLoad } from '@/lib/loads/view-load';
import { MAX_UPLOAD_BYTES, ZLoadUpload } from '@/lib/validation/load-upload';
import { fieldErrors } from '@/lib/validation/staff-sign-in';

export const dynamic = 'force-dynamic';

/**
 * A source system's client sends one delivery: `POST /api/v1/loads?source=<code>&asOf=YYYY-MM-DD` with the CSV file
 * as the body (docs/load-format.md). The file is staged here (a malformed one is refused, nothing kept; the reject
 * report is complete at once); matching and applying it is the job worker's, so the answer is 202 with the load and,
 * in `Location`, its status address (GET /api/v1/loads/<id>). The same file again answers 200 with the same load.
 */
export async function POST(request: Request) {
  const call = await requireApiClient(request);
  if ('refusal' in call) return call.refusal;
  const parsed = ZLoadUpload.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonResponse({ error: 'The request is not valid.', fields: fieldErrors(parsed.error) }, 400);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return jsonResponse({ error: 'The file is too large for the API: send it with the command-line loader.' }, 413);
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > MAX_UPLOAD_BYTES) return jsonResponse({ error: 'The file is too large for the API: send it with the command-line loader.' }, 413);
  try {
    const { loadId, alreadyReceived } = await receiveLoad({
      db: call.db,
      sourceCode: parsed.data.source,
      fileName: parsed.data.fileName ?? `api-${new Date().toISOString()}.csv`,
      open: () => Readable.from([body]),
      asOf: parsed.data.asOf ?? todayInLondon(),
      submittedBy: { kind: 'api_client', id: call.client.id },
      organisationId: call.client.organisationId,
    });
    const load = await viewLoad({ db: call.db, viewer: { organisationId: call.client.organisationId, national: false }, loadId });
    const response = jsonResponse({ alreadyReceived, ...load }, alreadyReceived ? 200 : 202);
    response.headers.set('Location', `/api/v1/loads/${loadId}`);
    return response;
  } catch (error) {
    if (error instanceof AppError) return jsonResponse({ error: error.userMessage }, error.status);
    throw error;
  }
}
