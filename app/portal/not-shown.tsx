import type { DeniedReason } from '@/lib/citizen-access/find-citizen-access';

/**
 * Why a linked record is not shown, in plain words. A shielded record and one that has left the index get the same
 * words, so that nobody learns from the portal that a record is shielded.
 */
export function NotShown({ reason, givenName }: { reason: DeniedReason; givenName: string }) {
  switch (reason) {
    case 'too_young':
      return <>You can see your own record online from the age of 12. Until then, a parent or carer with parental responsibility can.</>;
    case 'needs_agreement':
      return <>{givenName} is 12 or over, so you can see their record only after they agree to it, in their own account.</>;
    case 'no_parental_responsibility':
      return <>The record does not list you as a parent or carer with parental responsibility. If that is wrong, contact your local authority’s index team.</>;
    default:
      return <>We cannot show this record online. To ask for a copy, contact your local authority’s index team; they can help you by phone or by post.</>;
  }
}
