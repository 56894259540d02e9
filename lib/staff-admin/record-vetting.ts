import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { staffUsers } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TVetting } from '@/lib/validation/staff-user';
import { type Administrator, managedUser } from './manages';

/** Records training, user agreement and police-check dates. Access follows from them at the next request. */
export async function recordVetting({ db, admin, staffUserId, vetting }: { db: Database; admin: Administrator; staffUserId: string; vetting: TVetting }) {
  await db.transaction(async (tx) => {
    const user = await managedUser({ db: tx, admin, staffUserId });
    await tx.update(staffUsers).set(vetting).where(eq(staffUsers.id, user.id));
    await recordAuditEvent({
      db: tx,
      event: {
        actorKind: 'staff',
        actorId: admin.id,
        organisationId: admin.organisationId,
        action: 'staff_admin.vetting_recorded',
        query: {
          staffUserId,
          before: { trainingCompletedOn: user.trainingCompletedOn, userAgreementSignedOn: user.userAgreementSignedOn, policeCheckExpiresOn: user.policeCheckExpiresOn },
          after: vetting,
        },
      },
    });
  });
}
