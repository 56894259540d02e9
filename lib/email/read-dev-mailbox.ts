import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { env } from '@/lib/env.js';
import { clientAddress } from '@/lib/http/client-address';
import { isLoopbackAddress } from '@/lib/http/is-loopback-address';

/**
 * The demo mailbox shows everybody's sign-in links and codes, so it answers only in the explicit demo mode and only
 * a browser on the machine running the demo.
 */
export const demoMailboxAnswers = (headers: Headers) => env.DEMO_MODE && isLoopbackAddress(clientAddress(headers));

export type DevMessage = {
  file: string;
  to: string;
  subject: string;
  date: Date | null;
  text: string;
  attachments: { index: number; filename: string; contentType: string }[];
};

const FILE = /^[\w.-]+\.eml$/;
const folder = () => path.resolve(env.DATA_DIR, 'mail');

const listFiles = () => {
  try {
    return readdirSync(folder()).filter((f) => FILE.test(f)).sort().reverse();
  } catch {
    return [];
  }
};

async function parse(file: string) {
  return simpleParser(readFileSync(path.join(folder(), file)));
}

/** The newest messages first, as the demo's stand-in for everybody's inbox. */
export async function readDevMailbox(limit = 50): Promise<DevMessage[]> {
  const messages: DevMessage[] = [];
  for (const file of listFiles().slice(0, limit)) {
    const mail = await parse(file);
    const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
    messages.push({
      file,
      to,
      subject: mail.subject ?? '(no subject)',
      date: mail.date ?? null,
      text: mail.text ?? '',
      attachments: mail.attachments.map((a, index) => ({ index, filename: a.filename ?? `attachment-${index + 1}`, contentType: a.contentType })),
    });
  }
  return messages;
}

/** One attachment of one message (a posted letter's PDF), or null. The file name is checked against the folder. */
export async function readDevAttachment(file: string, index: number): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
  if (!FILE.test(file) || !listFiles().includes(file)) return null;
  const attachment = (await parse(file)).attachments[index];
  return attachment ? { filename: attachment.filename ?? 'attachment', contentType: attachment.contentType, content: attachment.content } : null;
}
