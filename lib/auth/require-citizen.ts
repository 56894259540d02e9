import 'server-only';
import { eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { citizenAccounts } from '@/db/schema';
import { citizenAuth } from './citizen-auth';

export type SignedInCitizen = typeof citizenAccounts.$inferSelect;

/** The citizen behind this request, re-read from the database, or null. */
export async function currentCitizen(): Promise<SignedInCitizen | null> {
  const session = await citizenAuth();
  const citizenId = (session as { citizenId?: string } | null)?.citizenId;
  if (!citizenId) return null;
  const [citizen] = await (await getDb()).select().from(citizenAccounts).where(eq(citizenAccounts.id, citizenId));
  return citizen ?? null;
}

/** The guard for every portal page, action and route: a signed-in citizen, or off to sign in. */
export async function requireCitizen(): Promise<SignedInCitizen> {
  const citizen = await currentCitizen();
  if (!citizen) redirect('/portal/sign-in');
  return citizen;
}
