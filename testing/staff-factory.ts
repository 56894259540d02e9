import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { organisations, staffUsers } from '@/db/schema';

let made = 0;

export type StaffFixtureOptions = {
  role?: 'practitioner' | 'caseworker' | 'administrator';
  displayName?: string;
  /** The member of staff's own home, for the conflict-of-interest rule. */
  line1?: string;
  postcode?: string;
};

/** An active member of staff of an organisation in the given council, with a unique user name. */
export async function createStaffFixture(db: Database, localAuthorityCode: string, options: StaffFixtureOptions = {}) {
  made += 1;
  const [organisation] = await db.select().from(organisations).where(eq(organisations.localAuthorityCode, localAuthorityCode)).limit(1);
  const [user] = await db
    .insert(staffUsers)
    .values({
      username: `staff.${made}.${Date.now()}`,
      displayName: options.displayName ?? `Case Worker${made}`,
      email: `staff${made}.${Date.now()}@example.org`,
      role: options.role ?? 'caseworker',
      organisationId: organisation!.id,
      localAuthorityCode,
      status: 'active',
      homeAddressLine1: options.line1 ?? null,
      homePostcode: options.postcode ?? null,
    })
    .returning();
  return user!;
}
