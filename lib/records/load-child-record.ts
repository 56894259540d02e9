import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db';
import {
  addresses,
  childAddresses,
  childCarers,
  carers,
  children,
  educationPlacements,
  gpRegistrations,
  indications,
  involvements,
  localAuthorities,
  organisations,
  otherNames,
  serviceTypes,
  shields,
  sourceSystems,
  staffUsers,
} from '@/db/schema';
import type { HeldChildRecord, IndexTeamContact, OrganisationContact, Provenance } from './child-record';

type Organisation = typeof organisations.$inferSelect;
type Address = typeof addresses.$inferSelect;
type ProvenanceColumns = { sourceSystemId: string | null; recordedByStaffId: string | null; lastConfirmedAt: Date };

const addressLines = (a: Pick<Address, 'line1' | 'line2' | 'town' | 'postcode'>) =>
  [a.line1, a.line2, a.town, a.postcode].filter((l): l is string => Boolean(l));

const organisationContact = (o: Organisation): OrganisationContact => ({
  name: o.name,
  kind: o.kind,
  addressLines: [o.addressLine1, o.addressLine2, o.town, o.postcode].filter((l): l is string => Boolean(l)),
  phone: o.phone,
  email: o.email,
});

const indexTeam = (la: typeof localAuthorities.$inferSelect): IndexTeamContact => ({
  localAuthorityName: la.name,
  phone: la.indexTeamPhone,
  email: la.indexTeamEmail,
});

export type LoadChildRecordOptions = { db: DbOrTx; childId: string };

/**
 * Everything held about one live child that has not been merged away, current items only; null if there is no
 * such child. No rules here: visibleRecord decides what a viewer sees.
 */
export async function loadChildRecord({ db, childId }: LoadChildRecordOptions): Promise<HeldChildRecord | null> {
  const [child] = await db
    .select()
    .from(children)
    .where(and(eq(children.id, childId), eq(children.status, 'live'), isNull(children.mergedIntoId)));
  if (!child) return null;

  const names = await db.select().from(otherNames).where(eq(otherNames.childId, childId)).orderBy(otherNames.usedUntil);
  const [home] = await db
    .select({ link: childAddresses, address: addresses })
    .from(childAddresses)
    .innerJoin(addresses, eq(addresses.id, childAddresses.addressId))
    .where(and(eq(childAddresses.childId, childId), isNull(childAddresses.livedUntil)))
    .orderBy(desc(childAddresses.livedFrom))
    .limit(1);
  const carerAddresses = alias(addresses, 'carer_addresses');
  const carerRows = await db
    .select({ link: childCarers, carer: carers, address: carerAddresses })
    .from(childCarers)
    .innerJoin(carers, eq(carers.id, childCarers.carerId))
    .leftJoin(carerAddresses, eq(carerAddresses.id, carers.addressId))
    .where(eq(childCarers.childId, childId))
    .orderBy(desc(childCarers.hasParentalResponsibility), carers.familyName, carers.givenNames);
  const educationRows = await db
    .select({ placement: educationPlacements, organisation: organisations })
    .from(educationPlacements)
    .innerJoin(organisations, eq(organisations.id, educationPlacements.organisationId))
    .where(and(eq(educationPlacements.childId, childId), isNull(educationPlacements.endedOn)));
  const gpRows = await db
    .select({ registration: gpRegistrations, organisation: organisations })
    .from(gpRegistrations)
    .innerJoin(organisations, eq(organisations.id, gpRegistrations.organisationId))
    .where(and(eq(gpRegistrations.childId, childId), isNull(gpRegistrations.endedOn)));
  const involvementRows = await db
    .select({ involvement: involvements, service: serviceTypes, organisation: organisations, authority: localAuthorities })
    .from(involvements)
    .innerJoin(serviceTypes, eq(serviceTypes.code, involvements.serviceTypeCode))
    .leftJoin(organisations, eq(organisations.id, involvements.organisationId))
    .leftJoin(localAuthorities, eq(localAuthorities.code, organisations.localAuthorityCode))
    .where(and(eq(involvements.childId, childId), isNull(involvements.endedOn)))
    .orderBy(involvements.startedOn);
  const indicationRows = await db
    .select({ indication: indications, organisation: organisations })
    .from(indications)
    .leftJoin(organisations, eq(organisations.id, indications.organisationId))
    .where(and(eq(indications.childId, childId), isNull(indications.endedOn)))
    .orderBy(indications.recordedOn);
  const [shield] = await db
    .select({ authority: localAuthorities })
    .from(shields)
    .innerJoin(localAuthorities, eq(localAuthorities.code, shields.responsibleLocalAuthorityCode))
    .where(and(eq(shields.childId, childId), isNull(shields.liftedAt)));

  const provenanceOf = await provenanceResolver(db, [
    child,
    ...names,
    ...(home ? [home.link] : []),
    ...carerRows.flatMap((r) => [r.link, r.carer]),
    ...educationRows.map((r) => r.placement),
    ...gpRows.map((r) => r.registration),
    ...involvementRows.map((r) => r.involvement),
    ...indicationRows.map((r) => r.indication),
  ]);

  return {
    child: {
      id: child.id,
      indexNumber: child.indexNumber,
      givenNames: child.givenNames,
      familyName: child.familyName,
      gender: child.gender,
      dateOfBirth: child.dateOfBirth,
      dateOfDeath: child.dateOfDeath,
      addressStatus: child.addressStatus,
      isShielded: child.isShielded,
      version: child.version,
      provenance: provenanceOf(child),
    },
    otherNames: names.map((n) => ({ kind: n.kind, givenNames: n.givenNames, familyName: n.familyName, usedUntil: n.usedUntil, provenance: provenanceOf(n) })),
    address: home ? { lines: addressLines(home.address).slice(0, -1), postcode: home.address.postcode, livedFrom: home.link.livedFrom, provenance: provenanceOf(home.link) } : null,
    carers: carerRows.map(({ link, carer, address }) => ({
      id: carer.id,
      givenNames: carer.givenNames,
      familyName: carer.familyName,
      relationship: link.relationship,
      hasParentalResponsibility: link.hasParentalResponsibility,
      phone: carer.phone,
      email: carer.email,
      addressLines: address && address.id !== home?.address.id ? addressLines(address) : null,
      provenance: provenanceOf(link),
      contactProvenance: provenanceOf(carer),
    })),
    education: educationRows.map((r) => ({ organisation: organisationContact(r.organisation), since: r.placement.startedOn, provenance: provenanceOf(r.placement) })),
    gp: gpRows.map((r) => ({ organisation: organisationContact(r.organisation), since: r.registration.registeredOn, provenance: provenanceOf(r.registration) })),
    involvements: involvementRows.map(({ involvement, service, organisation, authority }) => ({
      id: involvement.id,
      serviceCode: service.code,
      serviceName: service.name,
      isSensitive: service.isSensitive,
      organisation: organisation ? organisationContact(organisation) : null,
      brokeredBy: authority ? indexTeam(authority) : null,
      practitionerStaffId: involvement.practitionerStaffId,
      practitionerName: involvement.practitionerName,
      practitionerRole: involvement.practitionerRole,
      phone: involvement.phone,
      email: involvement.email,
      since: involvement.startedOn,
      provenance: provenanceOf(involvement),
    })),
    indications: indicationRows.map(({ indication, organisation }) => ({
      id: indication.id,
      kind: indication.kind,
      recordedOn: indication.recordedOn,
      organisationId: indication.organisationId,
      organisation: organisation ? organisationContact(organisation) : null,
      contactStaffId: indication.contactStaffId,
      contactName: indication.contactName,
      contactPhone: indication.contactPhone,
      contactEmail: indication.contactEmail,
      provenance: provenanceOf(indication),
    })),
    shieldedBy: shield ? indexTeam(shield.authority) : null,
    shieldAuthorityCode: shield?.authority.code ?? null,
  };
}

/** Names each item's source once: the source system, or the member of staff and their organisation. */
async function provenanceResolver(db: DbOrTx, items: ProvenanceColumns[]): Promise<(item: ProvenanceColumns) => Provenance> {
  const systemIds = [...new Set(items.map((i) => i.sourceSystemId).filter((id): id is string => id !== null))];
  const staffIds = [...new Set(items.map((i) => i.recordedByStaffId).filter((id): id is string => id !== null))];
  const systems = systemIds.length ? await db.select({ id: sourceSystems.id, name: sourceSystems.name }).from(sourceSystems).where(inArray(sourceSystems.id, systemIds)) : [];
  const staff = staffIds.length
    ? await db
        .select({ id: staffUsers.id, name: staffUsers.displayName, organisation: organisations.name })
        .from(staffUsers)
        .innerJoin(organisations, eq(organisations.id, staffUsers.organisationId))
        .where(inArray(staffUsers.id, staffIds))
    : [];
  const names = new Map<string, string>([
    ...systems.map((s) => [s.id, s.name] as const),
    ...staff.map((s) => [s.id, `${s.name}, ${s.organisation}`] as const),
  ]);
  return (item) => ({
    source: names.get(item.sourceSystemId ?? item.recordedByStaffId ?? '') ?? 'Not recorded',
    lastConfirmedAt: item.lastConfirmedAt,
  });
}
