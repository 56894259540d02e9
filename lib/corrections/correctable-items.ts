import { formatDate } from '@/lib/kernel/dates';
import type { CitizenRecord } from '@/lib/portal/citizen-record';

export type ItemKind = 'child' | 'other_name' | 'address' | 'carer' | 'education' | 'gp' | 'involvement' | 'indication';

/** One thing on the record a citizen can say is wrong. `key` is what the form sends back. */
export type CorrectableItem = { key: string; kind: ItemKind; itemId: string | null; field: string; label: string; valueAsHeld: string };

const RELATIONSHIPS: Record<string, string> = { mother: 'Mother', father: 'Father', carer: 'Carer', foster_carer: 'Foster carer', other: 'Other' };
const GENDERS: Record<string, string> = { female: 'Female', male: 'Male', not_specified: 'Not specified' };

/**
 * The items of a record as the citizen sees it, each with its value as held. The server rebuilds this list to check
 * a request, so a value as held always comes from the record, never from the browser.
 */
export function correctableItems(record: CitizenRecord): CorrectableItem[] {
  const items: CorrectableItem[] = [];
  const add = (kind: ItemKind, itemId: string | null, field: string, label: string, valueAsHeld: string) =>
    items.push({ key: `${kind}:${itemId ?? '-'}:${field}`, kind, itemId, field, label, valueAsHeld });
  const { child } = record;
  add('child', child.id, 'name', 'Name', `${child.givenNames} ${child.familyName}`);
  add('child', child.id, 'dateOfBirth', 'Date of birth', formatDate(child.dateOfBirth));
  add('child', child.id, 'gender', 'Gender', GENDERS[child.gender]!);
  add('address', child.id, 'address', 'Address', record.address ? [...record.address.lines, record.address.postcode].join(', ') : 'No address held');
  for (const name of record.otherNames) add('other_name', null, 'name', name.kind === 'former' ? 'Former name' : 'Also known as', `${name.givenNames} ${name.familyName}`);
  // Name, phone and email each on their own, so that a caseworker can approve one as asked without the others.
  for (const carer of record.carers) {
    const whose = `${RELATIONSHIPS[carer.relationship]} (${carer.givenNames} ${carer.familyName})`;
    add('carer', carer.id, 'name', `${whose}: name`, `${carer.givenNames} ${carer.familyName}`);
    add('carer', carer.id, 'phone', `${whose}: phone number`, carer.phone ?? 'No phone number held');
    add('carer', carer.id, 'email', `${whose}: email address`, carer.email ?? 'No email address held');
  }
  for (const setting of record.education) add('education', null, 'setting', 'School or setting', setting.organisation.name);
  for (const setting of record.gp) add('gp', null, 'practice', 'GP practice', setting.organisation.name);
  for (const involvement of record.involvements) {
    if (!involvement.withheld) add('involvement', involvement.id, 'service', `Service: ${involvement.serviceName}`, involvement.organisation?.name ?? involvement.serviceName);
  }
  for (const indication of record.indications) {
    add('indication', indication.id, 'indication', indication.kind === 'lead_professional' ? 'Lead professional' : 'Early help assessment', indication.contactName ?? '');
  }
  return items;
}
