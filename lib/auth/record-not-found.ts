import 'server-only';
import { recordRefusal } from './record-refusal';
import { currentCitizen } from './require-citizen';
import { currentStaff } from './require-staff';

/**
 * Audits a "page not found" shown to someone signed in. A page answers 404 both for what does not exist and for what
 * exists but is not this user's to see (another council's request, another citizen's link), and says nothing of which:
 * either way it is a refusal, and a run of them is someone probing. Called by the app's one not-found page.
 */
export async function recordNotFound(): Promise<void> {
  const staff = await currentStaff();
  if (staff.status === 'signed_in') {
    const { id, organisationId } = staff.staff;
    return recordRefusal({ actor: { kind: 'staff', id, organisationId }, status: 404, why: 'Nothing at this address that they may see' });
  }
  const citizen = await currentCitizen();
  if (citizen) return recordRefusal({ actor: { kind: 'citizen', id: citizen.id }, status: 404, why: 'Nothing at this address that they may see' });
}
