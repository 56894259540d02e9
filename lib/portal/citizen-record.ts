import type { HeldChildRecord, HeldInvolvement, WithheldInvolvement } from '@/lib/records/child-record';
import { seesSensitiveService } from '@/lib/sensitive-services/sensitive-services-seen-by';

export type CitizenInvolvement = (HeldInvolvement & { withheld: false }) | WithheldInvolvement;
export type CitizenRecord = Omit<HeldChildRecord, 'involvements' | 'shieldedBy'> & { involvements: CitizenInvolvement[] };

/**
 * The record as a young person or parent sees it. A sensitive service (sexual health, domestic abuse support…) is
 * the young person's to share: a parent learns only that a service is involved and whom to ask.
 */
export function citizenRecord(held: HeldChildRecord, relationship: 'self' | 'parent'): CitizenRecord {
  const { shieldedBy: _shield, involvements, ...rest } = held;
  return {
    ...rest,
    involvements: involvements.map((i): CitizenInvolvement =>
      i.isSensitive && !seesSensitiveService({ kind: 'citizen', relationship }, i.serviceCode) ? { id: i.id, withheld: true, brokeredBy: i.brokeredBy } : { ...i, withheld: false },
    ),
  };
}
