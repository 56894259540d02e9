import type { NamePool } from '../data/names';
import type { CellValue, Row } from '@/db/bulk-writer';
import { type Random, weighted } from '../random';
import { contactFor, servicesFor } from './services';
import { mobileNumber, personalEmail } from './contacts';
import { type Day, ageOn, birthday, isoDate, schoolYearStart } from './dates';
import {
  doubleBarrelled, familyName, familyNameFor, firstName, givenNames, isWomansOwnName, knownAs, namePools, type Sex, similarGivenName,
} from './names';
import type { TableName } from './tables';
import type { District, SchoolPhase, World } from './world';

export type Emit = (table: TableName, row: Row) => void;

export type HouseholdContext = {
  rng: Random;
  world: World;
  emit: Emit;
  nextIndexNumber: () => string;
  /** Families made lately, for cousins who share their surname and live nearby. */
  recentFamilies?: RecentFamily[];
  familiesMade?: number;
};

type RecentFamily = { district: District; pool: NamePool; familyName: string };
const RECENT_FAMILIES_KEPT = 256;

const CHILDREN_IN_HOUSEHOLD = weighted(
  [
    { count: 1, weight: 45 },
    { count: 2, weight: 37 },
    { count: 3, weight: 12 },
    { count: 4, weight: 4 },
    { count: 5, weight: 2 },
  ],
  (c) => c.weight,
);

const SHIELD_REASONS = [
  'Family fleeing domestic violence',
  'Witness protection',
  'Adoption: risk from birth family',
  'Risk of abduction',
  'Risk of honour-based abuse',
];

// Rates chosen to look like England: about 0.5% shielded, about 1 in 140 in foster care, 23% lone-parent families.
const RATE = {
  shieldedHousehold: 0.005,
  fosterHousehold: 0.006,
  kinshipHousehold: 0.01,
  careLeaverHousehold: 0.002,
  loneParent: 0.23,
  loneFather: 0.1,
  absentFatherListed: 0.3,
  mixedHeritage: 0.08,
  childTakesMothersName: 0.25,
  // ONS, Births in England and Wales: about 15 multiple maternities per 1,000, so some 3% of children are a twin.
  twins: 0.03,
  // Chosen, not measured: how often twins, and other brothers or sisters, get names alike (Isla and Isabella), and
  // how often a family has relatives with its surname in the same district (cousins through the father).
  twinsWithSimilarNames: 0.3,
  siblingsWithSimilarNames: 0.08,
  cousinsNearby: 0.15,
  notSpecifiedGender: 0.003,
  newIdentity: 0.0008,
  death: 0.0002,
  formerName: 0.03,
  alias: 0.03,
  moved: 0.12,
  flat: 0.15,
  carerEmail: 0.6,
  carerPhone: 0.85,
  gpRegistered: 0.97,
};

const YEAR = 365.25;

type Place = { addressId: string; postcode: string; movedInOn: Day; previousAddressId?: string };

function addressLine(rng: Random, street: string) {
  const number = rng.between(1, 180);
  return rng.chance(RATE.flat) ? [`Flat ${rng.between(1, 24)}`, `${number} ${street}`] : [`${number} ${street}`, null];
}

function newAddress(ctx: HouseholdContext, district: District): { id: string; postcode: string } {
  const { rng, emit } = ctx;
  const street = rng.pick(district.streets);
  const postcode = rng.pick(street.postcodes);
  const id = rng.uuid();
  const [line1, line2] = addressLine(rng, street.name);
  emit('addresses', [id, line1!, line2 ?? null, district.town, postcode, district.laCode]);
  return { id, postcode };
}

function addressStatus(rng: Random) {
  const r = rng.float();
  if (r < 0.97) return 'current';
  if (r < 0.985) return 'last_known';
  if (r < 0.995) return 'no_known_address';
  return 'left_england';
}

type Carer = { id: string; relationship: string; hasParentalResponsibility: boolean; familyName: string; pool: NamePool };

function addCarer(
  ctx: HouseholdContext,
  person: { pool: NamePool; sex: Sex; familyName: string; addressId: string | null },
  relationship: string,
  hasParentalResponsibility: boolean,
  sourceId: string,
): Carer {
  const { rng, emit, world } = ctx;
  const id = rng.uuid();
  const given = givenNames(rng, person.pool, person.sex, 0.2);
  const family = familyNameFor(person.familyName, person.sex);
  emit('carers', [
    id,
    given,
    family,
    person.addressId,
    rng.chance(RATE.carerPhone) ? mobileNumber(rng) : null,
    rng.chance(RATE.carerEmail) ? personalEmail(rng, given, family) : null,
    sourceId,
    isoDate(world.asOf - rng.int(365)),
  ]);
  return { id, relationship, hasParentalResponsibility, familyName: person.familyName, pool: person.pool };
}

function schoolPhaseAt(rng: Random, age: number): SchoolPhase | undefined {
  if (age < 3) return rng.chance(0.15) ? 'nursery' : undefined;
  if (age < 4) return rng.chance(0.75) ? 'nursery' : undefined;
  if (age < 11) return rng.chance(0.98) ? 'primary' : undefined;
  if (age < 16) return rng.chance(0.97) ? 'secondary' : undefined;
  if (age < 18) {
    const r = rng.float();
    return r < 0.45 ? 'secondary' : r < 0.85 ? 'college' : undefined;
  }
  return undefined;
}

type ChildPlan = { dateOfBirth: Day; sex: Sex; gender: string };

function planChildren(rng: Random, asOf: Day, count: number): ChildPlan[] {
  const plans: ChildPlan[] = [];
  let birth = asOf - rng.int(Math.floor(18 * YEAR));
  for (let i = 0; i < count && birth <= asOf; i++) {
    const r = rng.float();
    const sex: Sex = r < 0.49 ? 'female' : 'male';
    const gender = r > 1 - RATE.notSpecifiedGender ? 'not_specified' : sex;
    plans.push({ dateOfBirth: birth, sex, gender });
    if (!rng.chance(RATE.twins)) birth += rng.between(320, 2_200);
  }
  return plans;
}

/** One household: its address, its parents or carers and its children, with everything the index holds about them. */
export function generateHousehold(ctx: HouseholdContext, maxChildren: number): number {
  const { rng, world } = ctx;
  const recent = ctx.recentFamilies;
  const relative = recent?.length && rng.chance(RATE.cousinsNearby) ? rng.pick(recent) : undefined;
  const district = relative?.district ?? rng.pickWeighted(world.districts);
  const laSource = world.sources.childrensServices.get(district.laCode)!;
  const shielded = rng.chance(RATE.shieldedHousehold);
  const status = addressStatus(rng);
  const home = newAddress(ctx, district);
  const moved = rng.chance(RATE.moved);
  const previous = moved ? newAddress(ctx, district) : undefined;
  const movedInOn = world.asOf - rng.int(Math.floor(6 * YEAR));
  const place: Place = { addressId: home.id, postcode: home.postcode, movedInOn, previousAddressId: previous?.id };

  const kind = rng.float();
  if (kind < RATE.careLeaverHousehold) return careLeaver(ctx, district, place, status, shielded);

  const pool = relative?.pool ?? rng.pickWeighted(namePools);
  const partnerPool = relative?.pool ?? (rng.chance(RATE.mixedHeritage) ? rng.pickWeighted(namePools) : pool);
  const carers: Carer[] = [];
  let childFamilyName: string;
  if (kind < RATE.careLeaverHousehold + RATE.fosterHousehold) {
    const fosterName = familyName(rng, pool, true);
    carers.push(addCarer(ctx, { pool, sex: 'female', familyName: fosterName, addressId: home.id }, 'foster_carer', false, laSource));
    if (rng.chance(0.6)) {
      carers.push(addCarer(ctx, { pool, sex: 'male', familyName: fosterName, addressId: home.id }, 'foster_carer', false, laSource));
    }
    childFamilyName = familyName(rng, rng.pickWeighted(namePools), true);
  } else if (kind < RATE.careLeaverHousehold + RATE.fosterHousehold + RATE.kinshipHousehold) {
    childFamilyName = familyName(rng, pool, true);
    const grandparent = rng.chance(0.7) ? 'female' : 'male';
    carers.push(addCarer(ctx, { pool, sex: grandparent, familyName: childFamilyName, addressId: home.id }, 'carer', rng.chance(0.6), laSource));
  } else {
    const fathersName = relative?.familyName ?? familyName(rng, partnerPool, true);
    rememberFamily(ctx, { district, pool: partnerPool, familyName: fathersName });
    const mothersName = rng.chance(0.7) ? fathersName : familyName(rng, pool);
    childFamilyName =
      doubleBarrelled(rng, mothersName, fathersName) ??
      (rng.chance(RATE.childTakesMothersName) && !isWomansOwnName(mothersName) ? mothersName : fathersName);
    const lone = rng.chance(RATE.loneParent);
    const loneFather = lone && rng.chance(RATE.loneFather);
    if (!loneFather) {
      carers.push(addCarer(ctx, { pool, sex: 'female', familyName: mothersName, addressId: home.id }, 'mother', true, laSource));
    }
    if (!lone || loneFather) {
      carers.push(addCarer(ctx, { pool: partnerPool, sex: 'male', familyName: fathersName, addressId: home.id }, 'father', true, laSource));
    } else if (rng.chance(RATE.absentFatherListed)) {
      carers.push(addCarer(ctx, { pool: partnerPool, sex: 'male', familyName: fathersName, addressId: null }, 'father', rng.chance(0.8), laSource));
    }
  }

  const schools = {
    nursery: district.schools.nursery.length ? rng.pick(district.schools.nursery) : undefined,
    primary: rng.pick(district.schools.primary),
    secondary: rng.pick(district.schools.secondary),
    college: district.schools.college.length ? rng.pick(district.schools.college) : undefined,
  };
  const gpPractice = rng.chance(RATE.gpRegistered) ? rng.pick(district.gpPractices) : undefined;
  const plans = planChildren(rng, world.asOf, Math.min(maxChildren, rng.pickWeighted(CHILDREN_IN_HOUSEHOLD).count));
  const older: OlderChild[] = [];
  for (const plan of plans) {
    const childPool = rng.chance(0.5) ? pool : partnerPool;
    const childGivenNames = namesAmongSiblings(rng, childPool, plan, older);
    older.push({ firstName: firstName(childGivenNames), sex: plan.sex, dateOfBirth: plan.dateOfBirth });
    const childId = addChild(ctx, {
      district,
      place,
      status,
      shielded,
      plan,
      givenNames: childGivenNames,
      familyName: familyNameFor(childFamilyName, plan.sex),
      pool: childPool,
    });
    for (const carer of carers) {
      ctx.emit('child_carers', [
        rng.uuid(), childId, carer.id, carer.relationship, carer.hasParentalResponsibility, laSource,
        isoDate(world.asOf - rng.int(365)),
      ]);
    }
    const age = ageOn(plan.dateOfBirth, world.asOf);
    const phase = schoolPhaseAt(rng, age);
    const school = phase && (schools[phase] ?? schools.secondary);
    if (school) {
      const started = Math.max(plan.dateOfBirth, schoolYearStart(world.asOf - rng.int(Math.max(1, Math.min(age, 5)) * 365)));
      ctx.emit('education_placements', [rng.uuid(), childId, school, isoDate(started), world.sources.schoolCensus, isoDate(world.asOf - rng.int(200))]);
    }
    if (gpPractice) {
      ctx.emit('gp_registrations', [
        rng.uuid(), childId, gpPractice, isoDate(plan.dateOfBirth + rng.int(60)), world.sources.gpRegistrations,
        isoDate(world.asOf - rng.int(365)),
      ]);
    }
    addServices(ctx, district, childId, plan.dateOfBirth, age);
  }
  return plans.length;
}

function rememberFamily(ctx: HouseholdContext, family: RecentFamily) {
  const recent = (ctx.recentFamilies ??= []);
  const made = (ctx.familiesMade = (ctx.familiesMade ?? 0) + 1);
  if (recent.length < RECENT_FAMILIES_KEPT) recent.push(family);
  else recent[made % RECENT_FAMILIES_KEPT] = family;
}

type OlderChild = { firstName: string; sex: Sex; dateOfBirth: Day };

/**
 * A child's given names beside their brothers' and sisters': never an older one's first name; for a twin (and now
 * and then another sibling) of the same sex, sometimes a name like theirs.
 */
function namesAmongSiblings(rng: Random, pool: NamePool, plan: ChildPlan, older: readonly OlderChild[]): string {
  const twin = older.find((o) => o.dateOfBirth === plan.dateOfBirth && o.sex === plan.sex);
  const model = twin ?? older.findLast((o) => o.sex === plan.sex);
  if (model && rng.chance(twin ? RATE.twinsWithSimilarNames : RATE.siblingsWithSimilarNames)) {
    const similar = similarGivenName(rng, pool, plan.sex, model.firstName);
    if (similar && !older.some((o) => o.firstName === similar)) return givenNames(rng, pool, plan.sex, undefined, similar);
  }
  let names = givenNames(rng, pool, plan.sex);
  for (let tries = 0; tries < 10 && older.some((o) => o.firstName === firstName(names)); tries++) names = givenNames(rng, pool, plan.sex);
  return names;
}

type ChildInput = {
  district: District;
  place: Place;
  status: string;
  shielded: boolean;
  plan: ChildPlan;
  givenNames: string;
  familyName: string;
  pool: NamePool;
  stayOn?: { until: Day; basis: string };
};

function identitySource(world: World, district: District, age: number): string {
  if (age < 4) return world.sources.gpRegistrations;
  if (age < 16) return world.sources.schoolCensus;
  return world.sources.childrensServices.get(district.laCode)!;
}

function addChild(ctx: HouseholdContext, child: ChildInput): string {
  const { rng, world, emit } = ctx;
  const { plan, place, district } = child;
  const id = rng.uuid();
  const age = ageOn(plan.dateOfBirth, world.asOf);
  const source = identitySource(world, district, age);
  const confirmed = isoDate(world.asOf - rng.int(365));
  const dateOfDeath = rng.chance(RATE.death) ? Math.max(plan.dateOfBirth, world.asOf - rng.int(360)) : undefined;
  const postcode: CellValue = child.status === 'current' || child.status === 'last_known' ? place.postcode : null;
  const postcodeDistrict = postcode === null ? null : postcode.split(' ')[0]!;
  const newIdentity = rng.chance(RATE.newIdentity);
  emit('children', [
    id,
    ctx.nextIndexNumber(),
    child.givenNames,
    child.familyName,
    plan.gender,
    isoDate(plan.dateOfBirth),
    dateOfDeath === undefined ? null : isoDate(dateOfDeath),
    child.status,
    postcode,
    child.shielded,
    newIdentity,
    child.stayOn ? isoDate(child.stayOn.until) : null,
    child.stayOn?.basis ?? null,
    source,
    confirmed,
  ]);
  const livedFrom = Math.max(plan.dateOfBirth, place.movedInOn);
  const homeEnded = child.status === 'no_known_address' || child.status === 'left_england';
  emit('child_addresses', [
    rng.uuid(), id, place.addressId, isoDate(livedFrom), homeEnded ? isoDate(world.asOf - rng.int(90)) : null, source, confirmed,
  ]);
  if (place.previousAddressId && place.movedInOn > plan.dateOfBirth) {
    emit('child_addresses', [
      rng.uuid(), id, place.previousAddressId, isoDate(plan.dateOfBirth), isoDate(place.movedInOn), source, confirmed,
    ]);
  }
  // A surname used until a parent remarried or the child was adopted. Never for a new identity: the index must not
  // link it to the identity it replaced.
  if (!newIdentity && rng.chance(RATE.formerName)) {
    const until = plan.dateOfBirth + rng.int(Math.max(1, world.asOf - plan.dateOfBirth));
    emit('other_names', [
      rng.uuid(), id, 'former', child.givenNames, familyName(rng, child.pool), isoDate(until), source, confirmed, isoDate(plan.dateOfBirth), postcodeDistrict,
    ]);
  }
  const nickname = rng.chance(RATE.alias) ? knownAs(rng, child.givenNames.split(' ')[0]!) : undefined;
  if (nickname) {
    emit('other_names', [rng.uuid(), id, 'alias', nickname, child.familyName, null, source, confirmed, isoDate(plan.dateOfBirth), postcodeDistrict]);
  }
  if (child.shielded) {
    emit('shields', [rng.uuid(), id, district.laCode, rng.pick(SHIELD_REASONS), `${isoDate(world.asOf - rng.int(1500))} 09:00:00+00`]);
  }
  return id;
}

/** A care leaver aged 18–20 who has chosen to stay on the index until 25, living independently. */
function careLeaver(ctx: HouseholdContext, district: District, place: Place, status: string, shielded: boolean): number {
  const { rng, world } = ctx;
  const pool = rng.pickWeighted(namePools);
  const sex: Sex = rng.chance(0.5) ? 'female' : 'male';
  const dateOfBirth = world.asOf - Math.floor(18 * YEAR) - rng.int(Math.floor(3 * YEAR));
  const basis = rng.chance(0.8) ? 'care_leaver' : 'learning_difficulty';
  const childId = addChild(ctx, {
    district,
    place,
    status,
    shielded,
    plan: { dateOfBirth, sex, gender: sex },
    givenNames: givenNames(rng, pool, sex),
    familyName: familyNameFor(familyName(rng, pool, true), sex),
    pool,
    stayOn: { until: birthday(dateOfBirth, 25), basis },
  });
  const keyService = basis === 'care_leaver' ? 'childrens_social_care' : 'send_support';
  addServices(ctx, district, childId, dateOfBirth, ageOn(dateOfBirth, world.asOf), keyService);
  return 1;
}

function addServices(ctx: HouseholdContext, district: District, childId: string, dateOfBirth: Day, age: number, mustInclude?: string) {
  const { rng, world, emit } = ctx;
  const providers = world.serviceProviders.get(district.laCode)!;
  for (const service of servicesFor(rng, age, mustInclude)) {
    const contact = contactFor(rng, providers.get(service.code)!, district);
    const startedOn = world.asOf - rng.int(Math.max(1, Math.min(world.asOf - dateOfBirth, 1_200)));
    const source = service.providedBy === 'council' ? world.sources.childrensServices.get(district.laCode)! : world.sources.communityHealth;
    emit('involvements', [
      rng.uuid(), childId, service.code, contact.organisationId, contact.name, contact.phone, contact.email, isoDate(startedOn),
      service.sensitive ? (rng.chance(0.9) ? 'consent' : 'significant_harm') : null, source, isoDate(world.asOf - rng.int(120)),
    ]);
  }
  const indication = rng.float();
  if (indication < 0.04) {
    const kind = indication < 0.025 ? 'caf_assessment' : 'lead_professional';
    const contact = contactFor(rng, providers.get(kind === 'caf_assessment' ? 'early_help' : 'childrens_social_care') ?? providers.values().next().value!, district);
    emit('indications', [
      rng.uuid(), childId, kind, isoDate(world.asOf - rng.int(700)), contact.organisationId, contact.name ?? 'Duty team', contact.phone,
      contact.email, world.sources.childrensServices.get(district.laCode)!, isoDate(world.asOf - rng.int(120)),
    ]);
  }
}
