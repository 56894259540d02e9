import { formatDate } from '@/lib/kernel/dates';
import type { ChangeKey } from '@/lib/validation/correction-change';
import { isRealIsoDay } from '@/lib/validation/iso-day';
import type { FieldSpec } from './form-fields';

const GENDERS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'not_specified', label: 'Not specified' },
];

/** The fields of the "correct the record" form for each kind of item. */
export function changeFields(key: ChangeKey): FieldSpec[] {
  switch (key) {
    case 'child:name':
      return [
        { kind: 'text', name: 'givenNames', label: 'Given names' },
        { kind: 'text', name: 'familyName', label: 'Family name' },
      ];
    case 'child:dateOfBirth':
      return [{ kind: 'date', name: 'dateOfBirth', label: 'Date of birth' }];
    case 'child:gender':
      return [{ kind: 'select', name: 'gender', label: 'Gender', options: GENDERS }];
    case 'address:address':
      return [
        { kind: 'text', name: 'line1', label: 'Address line 1' },
        { kind: 'text', name: 'line2', label: 'Address line 2 (optional)' },
        { kind: 'text', name: 'town', label: 'Town or city' },
        { kind: 'text', name: 'postcode', label: 'Postcode' },
      ];
    case 'carer:name':
      return [
        { kind: 'text', name: 'givenNames', label: 'Given names' },
        { kind: 'text', name: 'familyName', label: 'Family name' },
      ];
    case 'carer:phone':
      return [{ kind: 'text', name: 'phone', label: 'Phone number' }];
    case 'carer:email':
      return [{ kind: 'text', name: 'email', label: 'Email address' }];
    case 'carer:details':
      return [
        { kind: 'text', name: 'phone', label: 'Phone number' },
        { kind: 'text', name: 'email', label: 'Email address' },
      ];
  }
}

export const describeValue = (value: Record<string, string | null>) => Object.values(value).filter(Boolean).map((v) => (isRealIsoDay(v!) ? formatDate(v!) : v)).join(', ') || 'Nothing held';

const ITEM_LABELS: Record<string, string> = {
  'child:name': 'Name',
  'child:dateOfBirth': 'Date of birth',
  'child:gender': 'Gender',
  'address:address': 'Address',
  'carer:details': 'Parent or carer’s contact details',
  'carer:name': 'Parent or carer’s name',
  'carer:phone': 'Parent or carer’s phone number',
  'carer:email': 'Parent or carer’s email address',
  'other_name:name': 'Other name',
  'education:setting': 'School or setting',
  'gp:practice': 'GP practice',
  'involvement:service': 'Service involved',
  'indication:indication': 'Indication of action',
};

export const itemLabel = (itemKind: string, field: string) => ITEM_LABELS[`${itemKind}:${field}`] ?? `${itemKind} ${field}`;
