import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { addressStatus, gender, otherNameKind, recordStatus, stayOnBasis } from './enums';
import { provenanceColumns } from './provenance';
import { provenanceForeignKeys } from './provenance-keys';

/**
 * One row per child: who they are. The postcode is a copy of the current address's postcode, kept here so that a
 * search can be answered from one index; it is the shielding code's job to keep it out of searches for shielded
 * children.
 */
export const children = pgTable(
  'children',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The public, unguessable identifier with a check character (see lib/kernel/index-number.ts). */
    indexNumber: text().notNull().unique('children_index_number_key'),
    givenNames: text().notNull(),
    familyName: text().notNull(),
    gender: gender().notNull(),
    dateOfBirth: date().notNull(),
    dateOfDeath: date(),
    addressStatus: addressStatus().notNull(),
    postcode: text(),
    // Phonetic keys computed at write time, so that search never calls dmetaphone per row.
    familyNamePhonetic: text().generatedAlwaysAs(sql`dmetaphone(family_name)`),
    familyNamePhoneticAlt: text().generatedAlwaysAs(sql`dmetaphone_alt(family_name)`),
    givenNamePhonetic: text().generatedAlwaysAs(sql`dmetaphone(split_part(given_names, ' ', 1))`),
    postcodeDistrict: text().generatedAlwaysAs(sql`split_part(postcode, ' ', 1)`),
    /** The family name folded, then its parts, for the search's filter (name_keys(), lib/names/fold.ts). */
    familyNameKeys: text().array().generatedAlwaysAs(sql`name_keys(family_name)`),
    isShielded: boolean().notNull().default(false),
    /** An adoptive or protected identity: never to be linked to the identity it replaced. */
    isNewIdentity: boolean().notNull().default(false),
    status: recordStatus().notNull().default('live'),
    mergedIntoId: uuid().references((): AnyPgColumn => children.id),
    stayOnUntil: date(),
    stayOnBasis: stayOnBasis(),
    archivedAt: timestamp({ withTimezone: true }),
    purgeOn: date(),
    /** Optimistic concurrency: every change increments it and writes a record version. */
    version: integer().notNull().default(1),
    ...provenanceColumns(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    ...provenanceForeignKeys(t),
    check('children_stay_on_has_basis', sql`(${t.stayOnUntil} is null) = (${t.stayOnBasis} is null)`),
    // A merged-away record keeps its row with status 'merged' and always says which record it went into; a live
    // record never points anywhere, so searches can tell the two apart from the status alone. (Written without the
    // value 'merged', which the migration adding it has not committed when this one runs.)
    check(
      'children_merged_has_target',
      sql`(${t.status} = 'live') = (${t.mergedIntoId} is null) or ${t.status} = 'archived'`,
    ),
    check('children_not_merged_into_itself', sql`${t.mergedIntoId} <> ${t.id}`),
    check(
      'children_postcode_matches_status',
      sql`${t.postcode} is null or ${t.addressStatus} in ('current', 'last_known')`,
    ),
    // A surname that sounds right with a date of birth one digit out (see 0005_search_blocks.sql for the others).
    index('children_phonetic_dob_idx').on(t.familyNamePhonetic, t.dateOfBirth),
    index('children_merged_into_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
    index('children_status_idx').on(t.status, t.dateOfBirth).where(sql`${t.status} <> 'live'`),
    // The few children with a new identity, which every load compares its rows with (holdProtectedResemblances).
    index('children_new_identity_idx').on(t.id).where(sql`${t.isNewIdentity}`),
  ],
);

/** Former names and other names the child is known by. */
export const otherNames = pgTable(
  'other_names',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    kind: otherNameKind().notNull(),
    givenNames: text().notNull(),
    familyName: text().notNull(),
    familyNamePhonetic: text().generatedAlwaysAs(sql`dmetaphone(family_name)`),
    familyNameKeys: text().array().generatedAlwaysAs(sql`name_keys(family_name)`),
    usedUntil: date(),
    /**
     * The child's date of birth, copied here (and kept in step by triggers, see 0009) so that a search by a former
     * name is blocked by date of birth like any other.
     */
    childDateOfBirth: date(),
    /** The child's postcode district, copied (and kept in step) the same way, for a search by postcode district. */
    childPostcodeDistrict: text(),
    ...provenanceColumns(),
  },
  (t) => [
    index('other_names_child_idx').on(t.childId),
    // other_names_former_dob_idx and other_names_former_district_idx, covering indexes for the search's former-name
    // blocks, are in 0011 and 0014 (drizzle cannot declare INCLUDE columns).
    ...provenanceForeignKeys(t),
  ],
);
