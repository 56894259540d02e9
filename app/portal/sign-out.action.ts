'use server';

import { citizenSignOut } from '@/lib/auth/citizen-auth';
import { requireCitizen } from '@/lib/auth/require-citizen';

export async function citizenSignOutAction(): Promise<void> {
  await requireCitizen();
  await citizenSignOut({ redirectTo: '/portal' });
}
