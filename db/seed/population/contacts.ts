import type { Random } from '../random';

// Ofcom keeps these ranges free for drama, so no real person can be rung or emailed by mistake.
export const mobileNumber = (rng: Random) => `07700 900${String(rng.int(1000)).padStart(3, '0')}`;
export const landlineNumber = (rng: Random) => `01632 960${String(rng.int(1000)).padStart(3, '0')}`;

const emailPart = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '');

export const personalEmail = (rng: Random, given: string, family: string) =>
  `${emailPart(given.split(' ')[0]!)}.${emailPart(family)}${rng.int(10_000)}@example.com`;

export const workEmail = (given: string, family: string, organisationSlug: string) =>
  `${emailPart(given)}.${emailPart(family)}@${organisationSlug}.example.org`;

export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
