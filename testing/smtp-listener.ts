import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An attachment as received, its bytes in base64 (so that a received email can be written out as JSON). */
export type ReceivedAttachment = { filename: string; contentType: string; base64: string };
export type ReceivedEmail = { to: string[]; subject: string; text: string; attachments?: ReceivedAttachment[] };

export type SmtpListener = {
  url: string;
  received: ReceivedEmail[];
  /** From now on refuse every message (as a mail server that is down would), or accept them again. */
  setRejectAll: (reject: boolean) => void;
  close: () => Promise<void>;
};

/** A real SMTP server on a loopback port, for tests to send to and read what arrived. */
export async function startSmtpListener(
  options: {
    rejectAll?: boolean;
    onReceive?: (email: ReceivedEmail) => void;
    /** A port to listen on, e.g. a stopped listener's, to bring "the mail server" back where the app looks for it. */
    port?: number;
  } = {},
): Promise<SmtpListener> {
  const received: ReceivedEmail[] = [];
  let rejectAll = options.rejectAll ?? false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (rejectAll) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          const attachments = mail.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, base64: a.content.toString('base64') }));
          const email = { to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '', ...(attachments.length ? { attachments } : {}) };
          received.push(email);
          options.onReceive?.(email);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    setRejectAll: (reject) => {
      rejectAll = reject;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
