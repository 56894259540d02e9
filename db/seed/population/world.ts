import { LOCAL_AUTHORITIES, POSTCODE_AREAS, INWARD_LETTERS, STREET_NAMES, STREET_SUFFIXES } from '../data/places';
import { COUNCIL_SERVICES, EDUCATION_SERVICES, GP_PRACTICE_NAME_PATTERNS, SAINTS, SCHOOL_NAME_PATTERNS, SERVICE_TYPES } from '../data/organisations';
import { type Random, type Weighted, weighted } from '../random';
import { type Day, isoDate } from './dates';
import type { TableName } from './tables';
import type { Row } from '@/db/bulk-writer';
import { landlineNumber, slug } from './contacts';

export type SchoolPhase = 'nursery' | 'primary' | 'secondary' | 'college';

export type Street = { name: string; postcodes: string[] };

export type District = {
  outward: string;
  town: string;
  laCode: string;
  weight: number;
  streets: Street[];
  schools: Record<SchoolPhase, string[]>;
  gpPractices: string[];
};

export type SourceIds = {
  childrensServices: Map<string, string>;
  schoolCensus: string;
  gpRegistrations: string;
  communityHealth: string;
};

export type World = {
  asOf: Day;
  districts: Weighted<District>;
  localAuthorities: Map<string, (typeof LOCAL_AUTHORITIES)[number]>;
  /** The organisation providing each kind of service in each local authority. */
  serviceProviders: Map<string, Map<string, string>>;
  sources: SourceIds;
};

type Emit = (table: TableName, row: Row) => void;

// England has about one school for every 500 children and one GP practice for every 1,900.
const CHILDREN_PER = { nursery: 900, primary: 330, secondary: 1_100, college: 6_000, gpPractice: 1_900 };
const CHILDREN_PER_STREET = 25;




const streetSuffixes = weighted(STREET_SUFFIXES, (s) => s.weight);
const LOCALITY_SUFFIXES = ['Park', 'Hill', 'Green', 'Fields', 'Vale', 'Bridge', 'Moor', 'Heath'];

function makeStreets(rng: Random, district: Pick<District, 'outward'>, count: number): Street[] {
  const suffixes = streetSuffixes;
  const used = new Set<string>();
  const streets: Street[] = [];
  while (streets.length < count) {
    let name = `${rng.pick(STREET_NAMES)} ${rng.pickWeighted(suffixes).suffix}`;
    if (used.has(name)) name = `${rng.pick(STREET_NAMES)} ${name}`;
    if (used.has(name)) continue;
    used.add(name);
    const sector = rng.between(0, 9);
    const postcodes = Array.from(
      { length: rng.between(1, 3) },
      () => `${district.outward} ${sector}${rng.pick([...INWARD_LETTERS])}${rng.pick([...INWARD_LETTERS])}`,
    );
    streets.push({ name, postcodes });
  }
  return streets;
}

/** How many districts a population of this size spreads over: a small demo stays in a few real places. */
function activeDistrictCount(children: number, available: number): number {
  return Math.min(available, Math.max(3, Math.ceil(children / 1_500)));
}

function chooseDistricts(rng: Random, count: number) {
  const all = POSTCODE_AREAS.flatMap((area) => area.districts);
  if (count >= all.length) return all;
  const remaining = [...all];
  const chosen: typeof all = [];
  while (chosen.length < count) {
    const pick = rng.pickWeighted(weighted(remaining, (d) => d.weight));
    chosen.push(pick);
    remaining.splice(remaining.indexOf(pick), 1);
  }
  return chosen;
}

/**
 * The fixed part of the synthetic England: local authorities, the kinds of service, source systems, and for each
 * district in use its streets, schools and GP practices, sized to the number of children who will live there.
 */
export function buildWorld(rng: Random, options: { children: number; asOf: Day }, emit: Emit): World {
  const { asOf } = options;
  const accreditedUntil = isoDate(asOf + 365 + rng.int(730));
  const accreditedFrom = `${isoDate(asOf - 365)}T00:00:00Z`;
  const localAuthorities = new Map(LOCAL_AUTHORITIES.map((la) => [la.code, la]));
  for (const la of LOCAL_AUTHORITIES) {
    emit('local_authorities', [la.code, la.name, la.indexTeamPhone, `index.team@${slug(la.name)}.example.org`]);
  }
  for (const service of SERVICE_TYPES) emit('service_types', [service.code, service.name, service.sensitive]);

  const organisation = (kind: string, name: string, code: string | null, laCode: string, town: string, postcode: string | null) => {
    const id = rng.uuid();
    const line1 = postcode ? `${rng.between(1, 120)} ${rng.pick(STREET_NAMES)} ${rng.pickWeighted(streetSuffixes).suffix}` : null;
    emit('organisations', [
      id, kind, name, code, laCode, line1, town, postcode, landlineNumber(rng), `office@${slug(name)}.example.org`,
      accreditedUntil,
    ]);
    return id;
  };
  const provides = (organisationId: string, serviceCodes: readonly string[]) => {
    for (const code of serviceCodes) emit('organisation_services', [organisationId, code, 'Given with the synthetic population', accreditedFrom]);
  };

  const serviceProviders = new Map<string, Map<string, string>>();
  const childrensServices = new Map<string, string>();
  for (const la of LOCAL_AUTHORITIES) {
    const council = organisation('local_authority', `${la.name} Council`, la.code, la.code, la.name, null);
    provides(council, COUNCIL_SERVICES);
    const providers = new Map<string, string>();
    for (const service of SERVICE_TYPES) {
      if (service.shareOfChildren === 0) continue; // no provider needed: schools record themselves
      const kind = service.code.includes('youth') || service.code === 'connexions' ? 'youth_service' : 'health_service';
      const providerKind = ['childrens_social_care', 'early_help', 'education_welfare', 'send_support', 'virtual_school'].includes(service.code)
        ? 'local_authority'
        : kind;
      const provider = organisation(providerKind, `${la.name} ${service.name}`, null, la.code, la.name, null);
      provides(provider, [service.code]);
      providers.set(service.code, provider);
    }
    serviceProviders.set(la.code, providers);
    const sourceId = rng.uuid();
    emit('source_systems', [sourceId, `${la.code}-CS`, `${la.name} children’s services`, 'la_childrens_services', council, la.code]);
    childrensServices.set(la.code, sourceId);
  }
  const sources: SourceIds = {
    childrensServices,
    schoolCensus: rng.uuid(),
    gpRegistrations: rng.uuid(),
    communityHealth: rng.uuid(),
  };
  emit('source_systems', [sources.schoolCensus, 'DFE-SCHOOL-CENSUS', 'School census (Department for Education)', 'school_census', null, null]);
  emit('source_systems', [sources.gpRegistrations, 'NHS-GP-REGISTRATIONS', 'GP registrations (NHS)', 'gp_registration', null, null]);
  emit('source_systems', [sources.communityHealth, 'NHS-COMMUNITY-HEALTH', 'Community health services (NHS)', 'health_service', null, null]);

  const chosen = chooseDistricts(rng, activeDistrictCount(options.children, Infinity));
  const totalWeight = chosen.reduce((sum, d) => sum + d.weight, 0);
  let urn = 100_000;
  let ods = 1_000;
  const districts: District[] = chosen.map((d) => {
    const expected = (options.children * d.weight) / totalWeight;
    const count = (per: number, minimum: number) => Math.max(minimum, Math.round(expected / per));
    const district: District = { ...d, streets: [], schools: { nursery: [], primary: [], secondary: [], college: [] }, gpPractices: [] };
    district.streets = makeStreets(rng, d, count(CHILDREN_PER_STREET, 8));
    // Schools and practices are named after the town or a made-up locality in it ("Oak Hill Primary School").
    const place = () => (rng.chance(0.5) ? d.town : `${rng.pick(STREET_NAMES)} ${rng.pick(LOCALITY_SUFFIXES)}`);
    for (const phase of ['nursery', 'primary', 'secondary', 'college'] as const) {
      const patterns = SCHOOL_NAME_PATTERNS.filter((p) => p.phase === phase);
      for (let i = 0; i < count(CHILDREN_PER[phase], phase === 'college' ? 0 : 1); i++) {
        const name = rng.pick(patterns).pattern.replace('{place}', place()).replace('{saint}', rng.pick(SAINTS));
        const kind = phase === 'nursery' ? 'nursery' : phase === 'college' ? 'college' : 'school';
        const school = organisation(kind, name, String(urn++), d.laCode, d.town, rng.pick(rng.pick(district.streets).postcodes));
        provides(school, EDUCATION_SERVICES);
        district.schools[phase].push(school);
      }
    }
    for (let i = 0; i < count(CHILDREN_PER.gpPractice, 1); i++) {
      const street = rng.pick(district.streets);
      const name = rng.pick(GP_PRACTICE_NAME_PATTERNS).replace('{place}', place()).replace('{street}', street.name);
      district.gpPractices.push(organisation('gp_practice', name, `${d.outward[0]}${ods++}`, d.laCode, d.town, rng.pick(street.postcodes)));
    }
    return district;
  });
  return { asOf, districts: weighted(districts, (d) => d.weight), localAuthorities, serviceProviders, sources };
}
