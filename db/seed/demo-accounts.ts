import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { hashSecret } from '@/lib/auth/secrets';
import { LOCK_AFTER_FAILURES } from '@/lib/auth/sign-in-limits';
import { hashApiSecret } from '@/lib/api-clients/api-key';
import { DEMO_PASSWORD, DEMO_PIN, demoApiClient, demoTotpSecret } from '@/lib/reference/demo-credentials';
import { DEMO_ACCOUNTS, type DemoAccount } from '@/lib/reference/demo-accounts';
import { createDemoPeople } from './demo-people';
import type { Database } from '../index';
import { apiClients, involvements, organisationServices, organisations, serviceTypes, staffUsers } from '../schema';

const daysFrom = (asOf: string, days: number) => {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * Vetted, active staff accounts in the local authority with the most schools, so the demo has children to find.
 * All but demo.newstarter have a security token already enrolled (see demoTotpSecret). Then the people to try the
 * portal as, in that council (demo-people.ts).
 */
export async function createDemoAccounts(db: Database, asOf: string): Promise<void> {
  const [busiest] = await db
    .select({ code: organisations.localAuthorityCode })
    .from(organisations)
    .where(eq(organisations.kind, 'school'))
    .groupBy(organisations.localAuthorityCode)
    .orderBy(desc(sql`count(*)`), organisations.localAuthorityCode)
    .limit(1);
  if (!busiest) throw new Error('Seed the population before creating demo accounts');
  const laCode = busiest.code;
  type Placement = { id: string; sensitiveServiceCode: string | null };
  const organisationOf = async (kind: DemoAccount['organisation']): Promise<Placement> => {
    if (kind === 'school') {
      const [school] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.kind, 'school'), eq(organisations.localAuthorityCode, laCode)))
        .orderBy(organisations.code)
        .limit(1);
      return { id: school!.id, sensitiveServiceCode: null };
    }
    if (kind === 'council') {
      const [council] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.kind, 'local_authority'), eq(organisations.code, laCode)));
      return { id: council!.id, sensitiveServiceCode: null };
    }
    const [provider] = await db
      .select({ id: organisations.id, code: serviceTypes.code })
      .from(involvements)
      .innerJoin(serviceTypes, eq(serviceTypes.code, involvements.serviceTypeCode))
      .innerJoin(organisations, eq(organisations.id, involvements.organisationId))
      .where(and(eq(serviceTypes.isSensitive, true), eq(organisations.localAuthorityCode, laCode)))
      .orderBy(serviceTypes.code)
      .limit(1);
    if (provider) return { id: provider.id, sensitiveServiceCode: provider.code };
    // No child in a small population is known to one: an organisation of the authority that provides one all the same.
    const [anyProvider] = await db
      .select({ id: organisations.id, code: serviceTypes.code })
      .from(organisationServices)
      .innerJoin(serviceTypes, eq(serviceTypes.code, organisationServices.serviceTypeCode))
      .innerJoin(organisations, eq(organisations.id, organisationServices.organisationId))
      .where(and(eq(serviceTypes.isSensitive, true), eq(organisations.localAuthorityCode, laCode), isNotNull(organisationServices.approvedAt)))
      .orderBy(serviceTypes.code, organisations.id)
      .limit(1);
    if (!anyProvider) throw new Error('The population has no provider of a sensitive service in the demo authority');
    return { id: anyProvider.id, sensitiveServiceCode: anyProvider.code };
  };

  const apiClient = demoApiClient();
  await db
    .insert(apiClients)
    .values({ id: apiClient.id, name: 'Demo case management system', organisationId: (await organisationOf('council')).id, secretHash: hashApiSecret(apiClient.secret) })
    .onConflictDoNothing();

  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const pinHash = await hashSecret(DEMO_PIN);
  for (const account of DEMO_ACCOUNTS) {
    const organisation = await organisationOf(account.organisation);
    await db
      .insert(staffUsers)
      .values({
        username: account.username,
        displayName: account.displayName,
        email: `${account.username}@example.org`,
        role: account.role,
        isNationalAdministrator: account.isNationalAdministrator ?? false,
        hasChildProtectionRole: account.hasChildProtectionRole ?? false,
        sensitiveServiceCode: organisation.sensitiveServiceCode,
        organisationId: organisation.id,
        localAuthorityCode: laCode,
        status: 'active',
        passwordHash,
        pinHash,
        totpSecret: account.tokenNotEnrolled ? null : demoTotpSecret(account.username),
        totpEnrolledAt: account.tokenNotEnrolled ? null : new Date(),
        trainingCompletedOn: daysFrom(asOf, -120),
        userAgreementSignedOn: daysFrom(asOf, -120),
        policeCheckIssuedOn: daysFrom(asOf, (account.policeCheckExpired ? -3 : 2 * 365) - 3 * 365),
        policeCheckExpiresOn: daysFrom(asOf, account.policeCheckExpired ? -3 : 2 * 365),
        ...(account.locked ? { failedSignIns: LOCK_AFTER_FAILURES } : {}),
      })
      .onConflictDoNothing();
  }
  await createDemoPeople(db, asOf, laCode);
}

