import { requireApiClient } from '@/lib/api-clients/require-api-client';
import { listCorrectionNotices } from '@/lib/casework/list-correction-notices';
import { jsonResponse } from '@/lib/http/json-response';
import { ZCorrectionNoticeQuery } from '@/lib/validation/correction-notice-acknowledgement';
import { fieldErrors } from '@/lib/kernel/field-errors';
import { withJsonErrors } from '@/lib/http/json-errors';

export const dynamic = 'force-dynamic';

/** The correction notices waiting for the caller's organisation's source systems, oldest first. */
export const GET = withJsonErrors(listNotices);

async function listNotices(request: Request) {
  const call = await requireApiClient(request);
  if ('refusal' in call) return call.refusal;
  const parsed = ZCorrectionNoticeQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonResponse({ error: 'The request is not valid.', fields: fieldErrors(parsed.error) }, 400);
  return jsonResponse(await listCorrectionNotices({ ...call, limit: parsed.data.limit }));
}
