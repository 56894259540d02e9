import { eq } from 'drizzle-orm';
import type { Database } from '../index';
import { organisations, staffUsers } from '../schema';

let made = 0;

/**
 * An active caseworker of a council's index team, with a unique user name; `home` gives them a name and a home
 * address (for conflict-of-interest tests). Needs a seeded database (it borrows an organisation of that council).
 */
export async function createCaseworkerFixture(
  db: Database,
  localAuthorityCode: string,
  home: { displayName?: string; line1?: string; postcode?: string } = {},
): Promise<typeof staffUsers.$inferSelect> {
  made += 1;
  const [organisation] = await db.select().from(organisations).where(eq(organisations.localAuthorityCode, localAuthorityCode)).limit(1);
  const [user] = await db
    .insert(staffUsers)
    .values({
      username: `casework.${made}.${Date.now()}`,
      displayName: home.displayName ?? `Case Worker${made}`,
      email: `caseworker${made}@example.org`,
      role: 'caseworker',
      organisationId: organisation!.id,
      localAuthorityCode,
      status: 'active',
      homeAddressLine1: home.line1 ?? null,
      homePostcode: home.postcode ?? null,
    })
    .returning();
  return user!;
}
