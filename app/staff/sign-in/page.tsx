import type { Metadata } from 'next';
import { NotYetAvailable } from '../../_components/not-yet-available';

export const metadata: Metadata = { title: 'Staff sign in' };

// Replaced by staff sign-in (user name, password, PIN and security token).
export default function StaffSignInNotYetOpen() {
  return (
    <NotYetAvailable
      what="staff sign in"
      instead="Your organisation’s access manager will tell you when your account is ready."
    />
  );
}
