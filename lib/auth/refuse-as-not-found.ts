import 'server-only';
import { notFound } from 'next/navigation';
import { recordRefusal } from './record-refusal';
import { currentCitizen } from './require-citizen';
import { currentStaff } from './require-staff';

/**
 * The guards' 404: for something that does not exist or is not this user's to see (another council's request,
 * another citizen's link). The page says nothing of which, but either way it is a refusal, audited with why, so
 * that someone trying ids that are not theirs shows in the trail.
 */
export async function refuseAsNotFound(why: string): Promise<never> {
  const staff = await currentStaff();
  if (staff.status === 'signed_in') {
    const { id, organisationId } = staff.staff;
    await recordRefusal({ actor: { kind: 'staff', id, organisationId }, status: 404, why });
  } else {
    const citizen = await currentCitizen();
    if (citizen) await recordRefusal({ actor: { kind: 'citizen', id: citizen.id }, status: 404, why });
  }
  notFound();
}
