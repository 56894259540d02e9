import 'server-only';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { env } from '@/lib/env.js';

export type EmailAttachment = { filename: string; contentType: string; content: Buffer };
export type OutgoingEmail = { to: string; subject: string; text: string; attachments?: EmailAttachment[] };
export type SendEmail = (email: OutgoingEmail) => Promise<void>;

/**
 * Sends through SMTP_URL's server. In demo mode without one, each message is written as a file under DATA_DIR/mail
 * instead, for the demo mailbox; outside demo mode a missing server is a fault, never a reason to keep mail in files.
 */
export function emailTransport(smtpUrl: string | undefined = env.SMTP_URL): SendEmail {
  if (!smtpUrl && !env.DEMO_MODE) throw new Error('SMTP_URL is not set: email cannot be sent (only DEMO_MODE=true keeps it in files)');
  if (smtpUrl) {
    const transporter = nodemailer.createTransport(smtpUrl);
    return async (email) => {
      await transporter.sendMail({ from: env.MAIL_FROM, ...email });
    };
  }
  const folder = path.resolve(env.DATA_DIR, 'mail');
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (email) => {
    const info = await writer.sendMail({ from: env.MAIL_FROM, ...email });
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`), info.message as Buffer);
  };
}
