'use server';

import { getDb } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { citizenSignOut } from '@/lib/auth/citizen-auth';
import { revokeCitizenSession } from '@/lib/auth/citizen-sessions';
import { currentCitizenSessionId, requireCitizen } from '@/lib/auth/require-citizen';

export async function citizenSignOutAction(): Promise<void> {
  const citizen = await requireCitizen();
  const sessionId = await currentCitizenSessionId();
  const db = await getDb();
  if (sessionId) await revokeCitizenSession({ db, sessionId });
  await recordAuditEvent({ db, event: { actorKind: 'citizen', actorId: citizen.id, action: 'citizen.sign_out' } });
  await citizenSignOut({ redirectTo: '/portal' });
}
