import { readFileSync } from 'node:fs';
import path from 'node:path';

export const E2E_FIXTURES = path.resolve(import.meta.dirname, '..', '..', '.data', 'e2e-children.json');

export type E2eChild = { id: string; indexNumber: string; givenNames: string; familyName: string; dateOfBirth: string; postcode: string };

/** Children the e2e web server picked from its freshly seeded database. */
export type E2eParentOf = E2eChild & { parentGivenNames: string; parentFamilyName: string; parentEmail: string };

export function e2eChildren(): {
  ordinary: E2eChild;
  shielded: E2eChild;
  involved: E2eChild & { involvedEmail: string };
  youngPerson: E2eChild;
  /** Another young person of 12 to 17, for the identity journey (e2e/portal-identity.spec.ts). */
  teen: E2eChild;
  smallChild: E2eParentOf;
  /** A young person in the demo caseworker's council, whose correction goes through casework (e2e/casework.spec.ts). */
  corrected: E2eChild;
  /** Another in that council, whose record the demo caseworker changes directly (e2e/record-edit.spec.ts). */
  edited: E2eChild;
  /** A correction notice about `ordinary`, waiting for a source of the demo API client's council. */
  correctionNotice: { id: string; sourceSystem: string };
  /** A child of the demo caseworker's council that e2e/shielding.spec.ts shields: no other spec may use it. */
  toShield: E2eChild;
  /** A young person of 16 or 17 in the demo caseworker's council who asks to stay on until 25 (e2e/stay-on.spec.ts). */
  stayingOn: E2eChild;
  /** A young person of 13 to 17 in the demo caseworker's council whom only e2e/keyboard-journeys.spec.ts links and corrects. */
  keyboard: E2eChild;
  /** A child of the demo caseworker's council, shielded by its index team, whom only e2e/source-loads.spec.ts sends in a load. */
  loadShielded: E2eChild;
  /** A young person of 13 to 17 in the demo caseworker's council whom only e2e/without-javascript.spec.ts links and corrects. */
  withoutScript: E2eChild;
  /** A young person of 13 to 17 whose parent's email is on the record; only e2e/portal-parent-asks.spec.ts uses them. */
  olderChild: E2eParentOf;
} {
  return JSON.parse(readFileSync(E2E_FIXTURES, 'utf8'));
}
