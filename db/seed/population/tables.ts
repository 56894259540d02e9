import type { Row } from '@/db/bulk-writer';

/** The columns the generator fills, table by table, in the order each row lists them. */
export const TABLE_COLUMNS = {
  local_authorities: ['code', 'name', 'index_team_phone', 'index_team_email'],
  service_types: ['code', 'name', 'is_sensitive'],
  organisations: [
    'id', 'kind', 'name', 'code', 'local_authority_code', 'address_line1', 'town', 'postcode', 'phone', 'email',
    'accredited_until',
  ],
  organisation_services: ['organisation_id', 'service_type_code', 'reason', 'approved_at'],
  source_systems: ['id', 'code', 'name', 'kind', 'organisation_id', 'local_authority_code'],
  children: [
    'id', 'index_number', 'given_names', 'family_name', 'gender', 'date_of_birth', 'date_of_death', 'address_status',
    'postcode', 'is_shielded', 'is_new_identity', 'stay_on_until', 'stay_on_basis', 'source_system_id',
    'last_confirmed_at',
  ],
  other_names: ['id', 'child_id', 'kind', 'given_names', 'family_name', 'used_until', 'source_system_id', 'last_confirmed_at', 'child_date_of_birth', 'child_postcode_district'],
  addresses: ['id', 'line1', 'line2', 'town', 'postcode', 'local_authority_code'],
  child_addresses: ['id', 'child_id', 'address_id', 'lived_from', 'lived_until', 'source_system_id', 'last_confirmed_at'],
  carers: ['id', 'given_names', 'family_name', 'address_id', 'phone', 'email', 'source_system_id', 'last_confirmed_at'],
  child_carers: [
    'id', 'child_id', 'carer_id', 'relationship', 'has_parental_responsibility', 'source_system_id', 'last_confirmed_at',
  ],
  education_placements: ['id', 'child_id', 'organisation_id', 'started_on', 'source_system_id', 'last_confirmed_at'],
  gp_registrations: ['id', 'child_id', 'organisation_id', 'registered_on', 'source_system_id', 'last_confirmed_at'],
  involvements: [
    'id', 'child_id', 'service_type_code', 'organisation_id', 'practitioner_name', 'phone', 'email', 'started_on',
    'consent_basis', 'source_system_id', 'last_confirmed_at',
  ],
  indications: [
    'id', 'child_id', 'kind', 'recorded_on', 'organisation_id', 'contact_name', 'contact_phone', 'contact_email',
    'source_system_id', 'last_confirmed_at',
  ],
  shields: ['id', 'child_id', 'responsible_local_authority_code', 'reason', 'shielded_at'],
} as const satisfies Record<string, readonly string[]>;

export type TableName = keyof typeof TABLE_COLUMNS;

/** Tables in an order that satisfies their foreign keys when written one after another. */
export const REFERENCE_TABLES = ['local_authorities', 'service_types', 'organisations', 'organisation_services', 'source_systems'] as const satisfies readonly TableName[];
export const POPULATION_TABLES = [
  'children', 'other_names', 'addresses', 'child_addresses', 'carers', 'child_carers', 'education_placements',
  'gp_registrations', 'involvements', 'indications', 'shields',
] as const satisfies readonly TableName[];

export type Batch = Partial<Record<TableName, Row[]>>;

export function emptyBatch(): Record<TableName, Row[]> {
  return Object.fromEntries(Object.keys(TABLE_COLUMNS).map((t) => [t, []])) as unknown as Record<TableName, Row[]>;
}
