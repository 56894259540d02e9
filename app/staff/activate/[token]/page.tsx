import type { Metadata } from 'next';
import { getDb } from '@/db';
import { isActivationUsable } from '@/lib/staff-admin/activate-staff-account';
import { ActivateForm } from './activate-form';

// The token in the address goes to no other site; the form's post keeps its origin (no-referrer would make it
// `Origin: null`, which Next.js refuses, so the form would fail without JavaScript).
export const metadata: Metadata = { title: 'Activate your account', referrer: 'same-origin' };

export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = /^[\w-]{20,100}$/.test(token) && (await isActivationUsable({ db: await getDb(), token }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {usable ? (
          <>
            <h1 className="govuk-heading-l">Activate your account</h1>
            <ActivateForm token={token} />
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">This link has expired or has already been used</h1>
            <p className="govuk-body">Ask your organisation’s access manager to send you a new one.</p>
          </>
        )}
      </div>
    </div>
  );
}
