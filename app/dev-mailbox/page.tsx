import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/lib/kernel/dates';
import { demoMailboxAnswers, readDevMailbox } from '@/lib/email/read-dev-mailbox';

export const metadata: Metadata = { title: 'Demo mailbox' };
export const dynamic = 'force-dynamic';

/**
 * The demo has no mail server: every email the service sends (sign-in links, codes, letters for the print room) is
 * written to a file and shown here, to a browser on the demo's own machine. Outside demo mode this page does not exist.
 */
export default async function DevMailboxPage() {
  if (!demoMailboxAnswers(await headers())) notFound();
  const messages = await readDevMailbox();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Demo mailbox</h1>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This is a demonstration (DEMO_MODE): no email leaves this machine. The emails the service would send are
            shown here instead, only to a browser on this machine. Outside demo mode this page does not exist.
          </strong>
        </div>
        {messages.length === 0 ? <p className="govuk-body">No emails yet.</p> : null}
        {messages.map((m) => (
          <details className="govuk-details" key={m.file}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                {m.subject} — to {m.to}
                {m.date ? ` — ${formatDateTime(m.date)}` : null}
              </span>
            </summary>
            <div className="govuk-details__text">
              <p className="govuk-body">
                {m.text.split('\n').map((line, i) => (
                  <span className="govuk-!-display-block" key={i}>
                    {line || '\u00a0'}
                  </span>
                ))}
              </p>
              {m.attachments.map((a) => (
                <p className="govuk-body" key={a.index}>
                  <a className="govuk-link" href={`/dev-mailbox/${encodeURIComponent(m.file)}/${a.index}`}>
                    {a.filename}
                  </a>
                </p>
              ))}
            </div>
          </details>
        ))}
      </div>
    </div>
  );
}
