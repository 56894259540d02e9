import { refusedRequestResponse } from '@/app/_components/service-problem-html';
import { REFUSED_REQUEST_WORDS, type RefusedRequest } from '@/app/_components/service-problem-words';
import { currentActor } from '@/lib/auth/current-actor';
import { recordRefusal } from '@/lib/auth/record-refusal';
import { REFUSED_REQUEST_HEADER, REFUSED_SERVER_ACTION_HEADER } from '@/lib/http/refused-request';

const WHY: Record<RefusedRequest, string> = {
  cross_site: 'A form of the service sent from another site',
  origin_hidden: 'A form sent by a browser that hid where it came from',
  unreadable: 'A form whose contents could not be read (cut short or malformed)',
  audit_from_elsewhere: 'The audit trail opened by a link on another site',
};

/** Where proxy.ts sends a request it refused (lib/http/refused-request.ts): audited, then answered with its page. */
async function answerRefusedRequest(request: Request): Promise<Response> {
  const why = request.headers.get(REFUSED_REQUEST_HEADER);
  if (!why || !Object.hasOwn(REFUSED_REQUEST_WORDS, why)) return new Response(null, { status: 404 });
  const refused = why as RefusedRequest;
  await recordRefusal({
    actor: await currentActor(),
    status: REFUSED_REQUEST_WORDS[refused].status,
    why: WHY[refused],
    serverAction: request.headers.has(REFUSED_SERVER_ACTION_HEADER),
  });
  return refusedRequestResponse(refused);
}

export const GET = answerRefusedRequest;
export const POST = answerRefusedRequest;
