import { eq } from 'drizzle-orm';
import { randomIndexNumber } from '@/lib/kernel/index-number';
import type { Database } from '@/db';
import {
  addresses,
  carers,
  childAddresses,
  childCarers,
  children,
  educationPlacements,
  gpRegistrations,
  involvements,
  localAuthorities,
  organisations,
  serviceTypes,
  shields,
} from '@/db/schema';

export type ChildFixture = {
  childId: string;
  indexNumber: string;
  addressId: string;
  /** Strings that must never reach someone not entitled to the child's whereabouts or sensitive services. */
  secrets: { addressLine: string; postcode: string; school: string; gp: string; carerPhone: string };
  parentName: string;
  localAuthorityCode: string;
};

let counter = 0;

/**
 * A child with everything a record can hold — address, parent, school, GP, an ordinary service — made with unique,
 * recognisable values, for tests that check what each viewer can and cannot see. Needs a seeded database (it borrows
 * the seed's organisations and local authorities).
 */
export async function createChildFixture(
  db: Database,
  options: { familyName?: string; shielded?: boolean; addressId?: string; dateOfBirth?: string } = {},
): Promise<ChildFixture> {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  const [school] = await db.select().from(organisations).where(eq(organisations.kind, 'school')).limit(1);
  const [gp] = await db.select().from(organisations).where(eq(organisations.kind, 'gp_practice')).limit(1);
  const [authority] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, school!.localAuthorityCode));
  const postcode = `ZZ${counter % 90} ${counter % 10}QX`;
  const addressId =
    options.addressId ??
    (await db.insert(addresses).values({ line1: `${counter} Fixture Lane ${tag}`, town: 'Testbury', postcode, localAuthorityCode: authority!.code }).returning())[0]!.id;
  const [address] = await db.select().from(addresses).where(eq(addresses.id, addressId));
  const [child] = await db
    .insert(children)
    .values({
      indexNumber: randomIndexNumber(),
      givenNames: 'Fixture',
      familyName: options.familyName ?? `Child${tag}`,
      gender: 'female',
      dateOfBirth: options.dateOfBirth ?? '2015-06-01',
      addressStatus: 'current',
      postcode: options.shielded ? null : address!.postcode,
      isShielded: options.shielded ?? false,
    })
    .returning();
  await db.insert(childAddresses).values({ childId: child!.id, addressId, livedFrom: '2020-01-01' });
  const carerPhone = `0113 496 ${String(1000 + counter).slice(-4)}`;
  const [carer] = await db.insert(carers).values({ givenNames: 'Parent', familyName: `Carer${tag}`, addressId, phone: carerPhone, email: `carer${tag}@example.com` }).returning();
  await db.insert(childCarers).values({ childId: child!.id, carerId: carer!.id, relationship: 'mother', hasParentalResponsibility: true });
  await db.insert(educationPlacements).values({ childId: child!.id, organisationId: school!.id, startedOn: '2020-09-01' });
  await db.insert(gpRegistrations).values({ childId: child!.id, organisationId: gp!.id, registeredOn: '2015-06-10' });
  if (options.shielded) {
    await db.insert(shields).values({ childId: child!.id, responsibleLocalAuthorityCode: authority!.code, reason: 'Fleeing domestic violence' });
  }
  return {
    childId: child!.id,
    indexNumber: child!.indexNumber,
    addressId,
    secrets: { addressLine: address!.line1, postcode: address!.postcode, school: school!.name, gp: gp!.name, carerPhone },
    parentName: `Parent Carer${tag}`,
    localAuthorityCode: authority!.code,
  };
}

/** Adds a service involvement from a provider organisation made for the purpose; returns the provider's name. */
export async function addInvolvementFixture(
  db: Database,
  childId: string,
  options: { serviceCode: string; email?: string; practitionerStaffId?: string },
): Promise<{ involvementId: string; providerName: string; practitionerName: string }> {
  counter += 1;
  const [service] = await db.select().from(serviceTypes).where(eq(serviceTypes.code, options.serviceCode));
  const [someLa] = await db.select().from(localAuthorities).limit(1);
  const providerName = `Provider ${options.serviceCode} ${counter}`;
  const [provider] = await db
    .insert(organisations)
    .values({ kind: 'health_service', name: providerName, localAuthorityCode: someLa!.code, phone: '0113 496 0999' })
    .returning();
  const practitionerName = `Practitioner Named${counter}`;
  const [created] = await db
    .insert(involvements)
    .values({
      childId,
      serviceTypeCode: service!.code,
      organisationId: provider!.id,
      practitionerName,
      practitionerStaffId: options.practitionerStaffId ?? null,
      email: options.email ?? null,
      phone: '0113 496 0555',
      startedOn: '2026-01-05',
      consentBasis: service!.isSensitive ? 'consent' : null,
    })
    .returning();
  return { involvementId: created!.id, providerName, practitionerName };
}
