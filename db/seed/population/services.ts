import { SERVICE_TYPES, type ServiceType } from '../data/organisations';
import type { Random } from '../random';
import { landlineNumber, slug, workEmail } from './contacts';
import { familyName, givenName, namePools } from './names';
import type { District } from './world';

/** The ages each service works with; a service not listed works with children of any age. */
const SERVICE_AGES: Record<string, readonly [number, number]> = {
  health_visitor: [0, 4],
  school_nurse: [5, 17],
  early_help: [0, 17],
  youth_offending: [10, 17],
  youth_service: [11, 20],
  connexions: [15, 20],
  camhs: [4, 17],
  sexual_health: [13, 20],
  substance_misuse: [12, 20],
  young_carers: [8, 17],
  speech_and_language_therapy: [1, 12],
  community_paediatrics: [0, 17],
  virtual_school: [3, 17],
  counselling: [11, 20],
  domestic_abuse_support: [0, 17],
};

const COUNCIL_SERVICES = new Set([
  'childrens_social_care', 'early_help', 'education_welfare', 'send_support', 'youth_offending', 'youth_service',
  'connexions', 'young_carers', 'virtual_school',
]);

export type ServiceChoice = ServiceType & { providedBy: 'council' | 'health' };

function worksWith(service: ServiceType, age: number) {
  const [youngest, oldest] = SERVICE_AGES[service.code] ?? [0, 20];
  return age >= youngest && age <= oldest;
}

/** The services involved with one child, each chosen with its share of the children it works with. */
export function servicesFor(rng: Random, age: number, mustInclude?: string): ServiceChoice[] {
  const chosen: ServiceChoice[] = [];
  for (const service of SERVICE_TYPES) {
    if (!worksWith(service, age)) continue;
    // Skipped without drawing a number, so that adding such a service leaves every seed's population unchanged.
    if (service.shareOfChildren === 0 && service.code !== mustInclude) continue;
    if (service.code !== mustInclude && !rng.chance(service.shareOfChildren)) continue;
    chosen.push({ ...service, providedBy: COUNCIL_SERVICES.has(service.code) ? 'council' : 'health' });
  }
  return chosen;
}

export type Contact = { organisationId: string; name: string | null; phone: string; email: string | null };

/** The named practitioner, where known, and how to reach them or their team. */
export function contactFor(rng: Random, organisationId: string, district: District): Contact {
  const phone = landlineNumber(rng);
  if (rng.chance(0.3)) return { organisationId, name: null, phone, email: null };
  const pool = rng.pickWeighted(namePools);
  const given = givenName(rng, pool, rng.chance(0.75) ? 'female' : 'male');
  const family = familyName(rng, pool);
  return { organisationId, name: `${given} ${family}`, phone, email: workEmail(given, family, slug(district.town)) };
}
