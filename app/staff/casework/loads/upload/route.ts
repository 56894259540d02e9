import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { todayInLondon } from '@/lib/kernel/dates';
import { AppError } from '@/lib/kernel/errors';
import { clientAddress } from '@/lib/http/client-address';
import { crossSiteRefusal, isCrossSiteRequest } from '@/lib/http/cross-site';
import { readFileForm } from '@/lib/http/read-file-form';
import { receiveUpload } from '@/lib/loads/receive-upload';
import { uploadCeilingBytes } from '@/lib/loads/upload-ceiling';
import { foldDateParts } from '@/lib/validation/date-parts';
import { ZLoadUpload } from '@/lib/validation/load-upload';
import type { UploadProblem } from '../new/upload-problems';

export const dynamic = 'force-dynamic';

/** Back to the form with what went wrong (a word from UPLOAD_PROBLEMS, never anything the user sent). */
const backToForm = (request: Request, problem: UploadProblem) => Response.redirect(new URL(`/staff/casework/loads/new?problem=${problem}`, request.url), 303);

const PROBLEM_FOR: Record<string, UploadProblem> = { too_large: 'too_large', conflict: 'busy', forbidden: 'not_yours', not_found: 'not_yours', invalid: 'empty' };

/**
 * The upload page's form (multipart, posted without script): the file goes into storage as it arrives, as an API
 * client's does, and the caseworker is sent to the load's page, which shows it being checked. Outside the proxy
 * (proxy.ts), which would hold the body to a form's size; the guard and the same-origin check are here.
 */
export async function POST(request: Request) {
  const caseworker = await requireStaff('caseworker');
  if (isCrossSiteRequest(request.headers)) return crossSiteRefusal();
  const form = await readFileForm(request, 'file');
  if (!form) return new Response('Send the file with the upload page’s form.', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  if (!form.file || !form.file.name) return backToForm(request, 'no_file');
  // The page asks for the day with GOV.UK's date input (day, month, year); the API's address gives it whole.
  const fields = foldDateParts(form.fields, 'asOf');
  const parsed = ZLoadUpload.safeParse({ ...fields, fileName: form.file.name, asOf: fields.asOf || undefined });
  if (!parsed.success) return backToForm(request, 'fields');
  const declared = request.headers.get('content-length');
  try {
    const { loadId } = await receiveUpload({
      db: await getDb(),
      sourceCode: parsed.data.source,
      fileName: parsed.data.fileName!,
      asOf: parsed.data.asOf ?? todayInLondon(),
      submittedBy: { kind: 'staff', id: caseworker.id },
      organisationId: caseworker.organisationId,
      body: form.file.bytes,
      // The form's own fields and boundaries are a few hundred bytes beside the file.
      declaredBytes: declared === null ? null : Number(declared) - 4096,
      ceilingBytes: uploadCeilingBytes(),
      clientAddress: clientAddress(request.headers),
    });
    return Response.redirect(new URL(`/staff/casework/loads/${loadId}`, request.url), 303);
  } catch (error) {
    if (error instanceof AppError && PROBLEM_FOR[error.code]) return backToForm(request, PROBLEM_FOR[error.code]!);
    throw error;
  } finally {
    form.file.bytes.resume();
  }
}
