import type { Metadata } from 'next';
import { NotYetAvailable } from '../_components/not-yet-available';

export const metadata: Metadata = { title: 'See your record' };

// Replaced by the citizen portal (sign-in by email link, identity check, the record, corrections).
export default function PortalNotYetOpen() {
  return (
    <NotYetAvailable
      what="seeing your record online"
      instead="Until it opens, you can ask your local authority’s index team for a copy of your record or your child’s record."
    />
  );
}
