import 'server-only';
import type { RefusedActor } from './record-refusal';
import { currentCitizen } from './require-citizen';
import { currentStaff } from './require-staff';

/** Whoever this request's cookies sign in, staff first, checked as the guards check; `system` for nobody. */
export async function currentActor(): Promise<RefusedActor> {
  const staff = await currentStaff();
  if (staff.status === 'signed_in') return { kind: 'staff', id: staff.staff.id, organisationId: staff.staff.organisationId };
  const citizen = await currentCitizen();
  return citizen ? { kind: 'citizen', id: citizen.id } : { kind: 'system' };
}
