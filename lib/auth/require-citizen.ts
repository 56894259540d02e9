import 'server-only';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { isRecordId } from '@/lib/records/record-path';
import { citizenAuth } from './citizen-auth';
import { checkCitizenSession, type SignedInCitizen } from './citizen-sessions';

export type { SignedInCitizen };

/** The id of the session this request's cookie names, or null. */
export async function currentCitizenSessionId(): Promise<string | null> {
  const session = await citizenAuth();
  const sessionId = (session as { citizenSessionId?: string } | null)?.citizenSessionId;
  return sessionId && isRecordId(sessionId) ? sessionId : null;
}

/** The citizen behind this request, re-read with their session from the database, or null. */
export async function currentCitizen(): Promise<SignedInCitizen | null> {
  const sessionId = await currentCitizenSessionId();
  return sessionId ? checkCitizenSession({ db: await getDb(), sessionId }) : null;
}

/** The guard for every portal page, action and route: a signed-in citizen, or off to sign in. */
export async function requireCitizen(): Promise<SignedInCitizen> {
  const citizen = await currentCitizen();
  if (!citizen) redirect('/portal/sign-in');
  return citizen;
}
