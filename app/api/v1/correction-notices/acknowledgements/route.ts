import { requireApiClient } from '@/lib/api-clients/require-api-client';
import { acknowledgeCorrectionNotices } from '@/lib/casework/acknowledge-correction-notices';
import { jsonResponse } from '@/lib/http/json-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { ZCorrectionNoticeAcknowledgement } from '@/lib/validation/correction-notice-acknowledgement';
import { fieldErrors } from '@/lib/kernel/field-errors';
import { withJsonErrors } from '@/lib/http/json-errors';

export const dynamic = 'force-dynamic';

const SEND_IDS = 'Send a JSON object like { "ids": ["<notice id>"] }.';

/** A source system says it has taken these notices in: `{ "ids": [...] }`. */
export const POST = withJsonErrors(acknowledgeNotices);

async function acknowledgeNotices(request: Request) {
  const call = await requireApiClient(request);
  if ('refusal' in call) return call.refusal;
  const read = await readJsonBody(request, { notJson: SEND_IDS });
  if ('refusal' in read) return read.refusal;
  const parsed = ZCorrectionNoticeAcknowledgement.safeParse(read.body);
  if (!parsed.success) return jsonResponse({ error: SEND_IDS, fields: fieldErrors(parsed.error) }, 400);
  return jsonResponse(await acknowledgeCorrectionNotices({ ...call, ids: parsed.data.ids }));
}
