import 'server-only';
import type { Database } from '@/db';
import { recordAuditEvent } from '@/lib/kernel/record-audit-event';
import { AppError } from '@/lib/kernel/errors';
import type { IndexTeamContact } from '@/lib/records/child-record';
import { isIndexTeamFor } from '@/lib/records/is-index-team-for';
import { asDrizzle } from './as-drizzle';
import type { ReviewingStaff } from './decide-match-review';

export type ViewMatchReviewOptions = { db: Database; caseworker: ReviewingStaff; reviewId: string; clientAddress?: string | null };

export type ComparedPerson = {
  givenNames: string;
  familyName: string;
  formerNames: string | null;
  gender: string;
  dateOfBirth: string;
  dateOfDeath: string | null;
  address: string | null;
  postcode: string | null;
  carers: string | null;
};

export type MatchReviewView = {
  id: string;
  loadId: string;
  rowNumber: number;
  sourceName: string;
  status: string;
  because: string;
  matchWeight: number;
  candidate: ComparedPerson & { indexNumber: string; isShielded: boolean };
  incoming: ComparedPerson & { sourcePersonId: string };
  /** Set when the candidate is shielded by another council: its index team alone sees the record whole and decides. */
  heldBackBy: IndexTeamContact | null;
};

type ReviewRow = Omit<MatchReviewView, 'heldBackBy'> & { candidateChildId: string; shield: (IndexTeamContact & { code: string }) | null };

/**
 * One candidate match side by side: the row as the source sent it and the child as held (with the real address of a
 * shielded child, which only the index team holding the shield, the one deciding, sees; any other council's
 * caseworker sees only who the child is, as a practitioner would). Only caseworkers; the view is audited as a read of
 * the candidate's record, with what was shown.
 */
export async function viewMatchReview({ db, caseworker, reviewId, clientAddress = null }: ViewMatchReviewOptions): Promise<MatchReviewView> {
  if (caseworker.role !== 'caseworker') throw new AppError('forbidden', 'Only the index team reviews matches.');
  return db.$client.begin(async (tx) => {
    const result = await tx.unsafe<ReviewRow[]>(
      `select m.id, m.candidate_child_id as "candidateChildId",
         (select json_build_object('code', la.code, 'localAuthorityName', la.name, 'phone', la.index_team_phone, 'email', la.index_team_email)
          from shields sh join local_authorities la on la.code = sh.responsible_local_authority_code
          where sh.child_id = m.candidate_child_id and sh.lifted_at is null) as shield, m.load_id as "loadId", m.row_number as "rowNumber", s.name as "sourceName", m.status, m.because, m.match_weight as "matchWeight",
         json_build_object('givenNames', c.given_names, 'familyName', c.family_name, 'gender', c.gender, 'dateOfBirth', c.date_of_birth,
           'dateOfDeath', c.date_of_death, 'indexNumber', c.index_number, 'isShielded', c.is_shielded,
           'formerNames', (select string_agg(o.given_names || ' ' || o.family_name, '; ') from other_names o where o.child_id = c.id),
           'address', (select concat_ws(', ', a.line1, a.line2, a.town) from child_addresses ca join addresses a on a.id = ca.address_id
                       where ca.child_id = c.id and ca.lived_until is null limit 1),
           'postcode', (select a.postcode from child_addresses ca join addresses a on a.id = ca.address_id where ca.child_id = c.id and ca.lived_until is null limit 1),
           'carers', (select string_agg(k.given_names || ' ' || k.family_name || ' (' || cc.relationship || ')', '; ')
                      from child_carers cc join carers k on k.id = cc.carer_id where cc.child_id = c.id)) as candidate,
         json_build_object('givenNames', r.given_names, 'familyName', r.family_name, 'gender', r.gender, 'dateOfBirth', r.date_of_birth,
           'dateOfDeath', r.date_of_death, 'sourcePersonId', r.source_person_id, 'formerNames', replace(r.former_names, '|', ' '),
           'address', concat_ws(', ', r.address_line1, r.address_line2, r.town), 'postcode', r.postcode,
           'carers', (select string_agg(e ->> 'givenNames' || ' ' || (e ->> 'familyName') || ' (' || (e ->> 'relationship') || ')', '; ')
                      from jsonb_array_elements(r.carers) e)) as incoming
       from match_reviews m
       join source_load_rows r on r.load_id = m.load_id and r.row_number = m.row_number
       join source_loads l on l.id = m.load_id join source_systems s on s.id = l.source_system_id
       join children c on c.id = m.candidate_child_id
       where m.id = $1`,
      [reviewId],
    );
    const review = result[0];
    if (!review) throw new AppError('not_found', 'There is no such match to review.');
    const { candidateChildId, shield, ...rest } = review;
    const heldBack = review.candidate.isShielded && !isIndexTeamFor(caseworker, shield?.code ?? null);
    await recordAuditEvent({
      db: asDrizzle(tx),
      event: {
        actorKind: 'staff',
        actorId: caseworker.id,
        organisationId: caseworker.organisationId,
        action: 'load.review.view',
        reason: 'Deciding a candidate match of a source load',
        query: { reviewId, shown: heldBack ? 'shielded' : 'full' },
        childIds: [candidateChildId],
        clientAddress,
      },
    });
    if (!heldBack) return { ...rest, heldBackBy: null };
    const heldBackBy = shield ? { localAuthorityName: shield.localAuthorityName, phone: shield.phone, email: shield.email } : null;
    return { ...rest, candidate: { ...rest.candidate, formerNames: null, address: null, postcode: null, carers: null }, heldBackBy };
  });
}
