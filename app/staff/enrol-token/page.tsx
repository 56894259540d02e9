import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import QRCode from 'qrcode';
import { getDb } from '@/db';
import { findPendingEnrolment } from '@/lib/auth/token-enrolment';
import { EnrolTokenForm } from './enrol-token-form';
import { ENROLMENT_COOKIE } from './enrolment-cookie';

export const metadata: Metadata = { title: 'Set up your security token' };

export default async function EnrolTokenPage() {
  // Reachable only straight after password and PIN were proven: the enrolment id is in an http-only cookie.
  const enrolmentId = (await cookies()).get(ENROLMENT_COOKIE)?.value;
  const pending = enrolmentId ? await findPendingEnrolment({ db: await getDb(), enrolmentId }) : null;
  if (!pending) redirect('/staff/sign-in?ended=unknown');
  const qr = await QRCode.toDataURL(pending.uri, { margin: 1, width: 220 });
  const manualKey = pending.secret.match(/.{1,4}/g)!.join(' ');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Set up your security token</h1>
        <p className="govuk-body">
          Every time you sign in you will need a code from an authenticator app on a device that only you use.
        </p>
        <ol className="govuk-list govuk-list--number">
          <li>Open your authenticator app and choose to add an account.</li>
          <li>Scan this QR code, or type the key below.</li>
          <li>Enter the 6-number code the app shows.</li>
        </ol>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server, nothing to optimise */}
        <img src={qr} alt="QR code for your authenticator app: if you cannot scan it, type the key shown below" width={220} height={220} />
        <p className="govuk-body">
          Key: <code className="govuk-!-font-weight-bold">{manualKey}</code>
        </p>
        <EnrolTokenForm />
      </div>
    </div>
  );
}
