import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { children } from './children';
import { actorKind, gender } from './enums';
import { sourceSystems } from './source-systems';
import { staffUsers } from './staff-users';

// The enums of source loads live beside their tables (not in enums.ts) so that this aggregate stays in one file.

/** A load moves forward through these; each step commits with its results, so a killed load resumes at its step. */
export const loadStatus = pgEnum('load_status', ['staged', 'matched', 'applying', 'done']);

/** How an incoming row found its child: the source's own id, an automatic link, a caseworker, or a new record. */
export const loadRowOutcome = pgEnum('load_row_outcome', ['source_id', 'linked', 'review', 'reviewed_link', 'new', 'rejected']);

export const matchReviewStatus = pgEnum('match_review_status', ['pending', 'linked', 'kept_apart']);

export type LoadCounts = {
  rows: number;
  rejected: number;
  bySourceId: number;
  linked: number;
  review: number;
  created: number;
  updated: number;
  applied: number;
  /** Rows that were the same child as an earlier row of the file (linked to the record that row made). */
  sameChildInFile?: number;
};

/** The Fellegi–Sunter weights a load was matched with, and where they came from (see lib/loads/match-weights.ts). */
export type LoadWeights = {
  origin: 'estimated' | 'previous' | 'default';
  lambda: number;
  /** log2(m/u) per comparison and level. */
  weights: Record<string, number[]>;
  m?: Record<string, number[]>;
  u?: Record<string, number[]>;
  upper: number;
  lower: number;
  pairs?: number;
  iterations?: number;
};

/** One delivery of one source system: a file, its progress and its outcome. */
export const sourceLoads = pgTable(
  'source_loads',
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceSystemId: uuid()
      .notNull()
      .references(() => sourceSystems.id),
    fileName: text().notNull(),
    /** The same file sent again is the same load: running it again resumes it or, if finished, changes nothing. */
    fileSha256: text().notNull(),
    /** The day the source confirmed these values: each item loaded is last confirmed on it. */
    asOf: date().notNull(),
    submittedByKind: actorKind().notNull(),
    submittedById: uuid(),
    status: loadStatus().notNull().default('staged'),
    counts: jsonb().$type<LoadCounts>().notNull(),
    weights: jsonb().$type<LoadWeights>(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique('source_loads_file_key').on(t.sourceSystemId, t.fileSha256), index('source_loads_received_idx').on(t.receivedAt)],
);

/**
 * The step a load's matching has reached. Matching is one transaction, so nothing it writes shows until it commits:
 * this is written beside it, from another connection, for the load's progress bar. Unlogged (a crash loses only a
 * step's name) and without a foreign key, whose check would wait on the load row that matching holds locked.
 */
export const loadMatchProgress = pgTable('load_match_progress', {
  loadId: uuid().primaryKey(),
  step: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each row of a load as staged (COPY), and how it was matched and applied. The phonetic keys are computed at write
 * time, as on children, so that matching compares columns.
 */
export const sourceLoadRows = pgTable(
  'source_load_rows',
  {
    loadId: uuid()
      .notNull()
      .references(() => sourceLoads.id, { onDelete: 'cascade' }),
    rowNumber: integer().notNull(),
    sourcePersonId: text().notNull(),
    givenNames: text().notNull(),
    familyName: text().notNull(),
    /** "Given names|Family name" pairs separated by ";". */
    formerNames: text(),
    gender: gender().notNull(),
    dateOfBirth: date().notNull(),
    dateOfDeath: date(),
    addressLine1: text(),
    addressLine2: text(),
    town: text(),
    postcode: text(),
    /** The carers as the file gave them, one JSON object each (see docs/load-format.md). */
    carers: jsonb().$type<LoadCarer[]>().notNull(),
    schoolUrn: text(),
    gpPracticeCode: text(),
    serviceCode: text(),
    serviceStartedOn: date(),
    servicePractitioner: text(),
    servicePhone: text(),
    givenNamePhonetic: text().generatedAlwaysAs(sql`dmetaphone(split_part(given_names, ' ', 1))`),
    familyNamePhonetic: text().generatedAlwaysAs(sql`dmetaphone(family_name)`),
    familyNamePhoneticAlt: text().generatedAlwaysAs(sql`dmetaphone_alt(family_name)`),
    postcodeDistrict: text().generatedAlwaysAs(sql`split_part(postcode, ' ', 1)`),
    outcome: loadRowOutcome(),
    /** The child the row was linked to or created as (decided before anything is applied, so a rerun makes the same). */
    childId: uuid(),
    newIndexNumber: text(),
    /** The best candidate's match weight (log2 of the likelihood ratio). */
    matchWeight: real(),
    /** The row resembled a shielded child: whatever record it makes is shielded too. */
    shieldFromChildId: uuid(),
    /**
     * The earliest row of this load that the row resembles, itself a new record (the same child twice in one file
     * under two person ids): outcome "linked", the row is that row's new child; outcome "review", it waits for a
     * caseworker to compare it with that child once made.
     */
    sameChildAsRow: integer(),
    appliedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.loadId, t.rowNumber] }),
    index('source_load_rows_child_idx').on(t.childId),
    index('source_load_rows_same_child_idx').on(t.loadId, t.sameChildAsRow).where(sql`${t.sameChildAsRow} is not null`),
  ],
);

export type LoadCarer = {
  givenNames: string;
  familyName: string;
  relationship: 'mother' | 'father' | 'carer' | 'foster_carer' | 'other';
  hasParentalResponsibility: boolean;
  phone: string | null;
  email: string | null;
};

/** A row (or one field of it) the load refused, and why: the reject report. */
export const sourceLoadRejects = pgTable(
  'source_load_rejects',
  {
    loadId: uuid()
      .notNull()
      .references(() => sourceLoads.id, { onDelete: 'cascade' }),
    rowNumber: integer().notNull(),
    field: text().notNull(),
    reason: text().notNull(),
  },
  (t) => [index('source_load_rejects_load_idx').on(t.loadId, t.rowNumber)],
);

/** An uncertain match waiting for a caseworker: link the row to the candidate, or keep them apart (a new record). */
export const matchReviews = pgTable(
  'match_reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    loadId: uuid()
      .notNull()
      .references(() => sourceLoads.id, { onDelete: 'cascade' }),
    rowNumber: integer().notNull(),
    candidateChildId: uuid()
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    matchWeight: real().notNull(),
    /** Why it is in the queue: "uncertain", "ambiguous", "shielded candidate". */
    because: text().notNull(),
    status: matchReviewStatus().notNull().default('pending'),
    decidedByStaffId: uuid().references(() => staffUsers.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionReason: text(),
  },
  (t) => [
    unique('match_reviews_row_candidate_key').on(t.loadId, t.rowNumber, t.candidateChildId),
    index('match_reviews_pending_idx').on(t.status, t.loadId),
  ],
);

/** The weights each estimating load produced, newest last: a load too small to estimate its own uses the latest. */
export const matchWeightSets = pgTable('match_weight_sets', {
  id: uuid().primaryKey().defaultRandom(),
  loadId: uuid().references(() => sourceLoads.id, { onDelete: 'set null' }),
  weights: jsonb().$type<LoadWeights>().notNull(),
  estimatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Held children a matching transaction is about to look up (their carers), there for one statement: the transaction
 * writes and deletes its own rows, so no other ever sees them. A table rather than a temporary one because parallel
 * workers can read tables and not temporary ones (lib/loads/score-carers.ts). Unlogged (migration 0028): it never
 * holds anything past a transaction, so nothing in it needs to survive a crash.
 */
export const loadLookupChildren = pgTable('load_lookup_children', {
  loadId: uuid().notNull(),
  childId: uuid().notNull(),
});
