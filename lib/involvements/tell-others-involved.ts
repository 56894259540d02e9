import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { children, involvements, staffUsers } from '@/db/schema';
import { queueEmail } from '@/lib/email/queue-email';
import { appUrl } from '@/lib/http/app-url';
import { formatIndexNumber } from '@/lib/kernel/index-number';

export type TellOthersInvolvedOptions = { db: DbOrTx; childId: string; newInvolvementId: string; newPractitioner: { id: string; email: string } };

/**
 * As the Dutch reference index does: everyone already working with the child hears that someone else now does too,
 * and nothing more — not who, not which service. The text is the same whichever service is new, so a sensitive
 * service's involvement reads like any other; the record then shows the recipient only that a service is involved
 * and which index team to ask. Returns how many were told.
 */
export async function tellOthersInvolved({ db, childId, newInvolvementId, newPractitioner }: TellOthersInvolvedOptions): Promise<number> {
  const others = await db
    .select({ involvementEmail: involvements.email, staffEmail: staffUsers.email, staffId: involvements.practitionerStaffId })
    .from(involvements)
    .leftJoin(staffUsers, eq(staffUsers.id, involvements.practitionerStaffId))
    .where(and(eq(involvements.childId, childId), isNull(involvements.endedOn), ne(involvements.id, newInvolvementId)));
  const addresses = new Map<string, string>();
  for (const other of others) {
    if (other.staffId === newPractitioner.id) continue;
    const address = other.staffEmail ?? other.involvementEmail;
    if (address && address.toLowerCase() !== newPractitioner.email.toLowerCase()) addresses.set(address.toLowerCase(), address);
  }
  if (addresses.size === 0) return 0;
  const [child] = await db.select({ indexNumber: children.indexNumber }).from(children).where(eq(children.id, childId));
  for (const to of addresses.values()) {
    await queueEmail({
      db,
      email: {
        to,
        subject: 'Someone else now works with a child you work with',
        text: [
          `Another practitioner has recorded on the Children’s Index that they now work with the child with index number ${formatIndexNumber(child!.indexNumber)}, whom you also work with.`,
          '',
          'Sign in to see who on the child’s record, if talking to them would help the child:',
          appUrl(`/staff/sign-in?${new URLSearchParams({ next: `/staff/children/${childId}` })}`),
        ].join('\n'),
      },
    });
  }
  return addresses.size;
}
