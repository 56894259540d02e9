import { demoMailboxAnswers, readDevAttachment } from '@/lib/email/read-dev-mailbox';

/** A demo email's attachment, such as the PDF of a letter for the print room. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string; index: string }> }) {
  if (!demoMailboxAnswers(request.headers)) return new Response('Not found', { status: 404 });
  const { file, index } = await params;
  const attachment = /^\d{1,2}$/.test(index) ? await readDevAttachment(decodeURIComponent(file), Number(index)) : null;
  if (!attachment) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(attachment.content), {
    headers: { 'Content-Type': attachment.contentType, 'Content-Disposition': `inline; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`, 'Cache-Control': 'no-store' },
  });
}
