import 'server-only';
import type postgres from 'postgres';
import { newReference } from '@/lib/kernel/request-reference';
import { responsibleAuthorityCodeSql } from '@/lib/records/responsible-authority-code';

export type RaiseIdentityChangesOptions = { tx: postgres.TransactionSql };

type Proposed = { row_number: number; child_id: string; field: string; held: string; requested: string; reference?: string };

// A slip the link itself tolerated: at most two letters apart (the comparisons' near levels are within this).
const SLIP = (held: string, sent: string) => `levenshtein(lower(${held}), lower(${sent})) <= 2`;

/**
 * A link never changes who a child is by itself (DOMAIN, "Trust rules made explicit"): where a linked row (in
 * linked_diff, with apply_rows) holds the child's name, date of birth or gender otherwise, and its value would have
 * replaced the held one (GIVES_WAY), the difference becomes a correction request in the queue of the council that
 * answers for the child, raised by the source, for a caseworker to apply or refuse:
 *  - every difference, when the source found the child by its own person id: it has known the child, and now says
 *    otherwise on purpose;
 *  - when the child was found by name, a name beyond a slip (a new family name, another first name) and a different
 *    gender. A slip in a name, or a birthday a day out or swapped, is what the link tolerated to find the child at
 *    all: the held value stands, and the row keeps what the source sent. (Raised for every slip, the benchmark's
 *    delivery of 100,000 rows made 29,000 requests.)
 * Given names that are only the first of those held (the source holds fewer), names that differ only in case, and a
 * gender the source does not specify are no difference. A difference this source raised before, whatever became of
 * it, is not raised again.
 */
export async function raiseIdentityChanges({ tx }: RaiseIdentityChangesOptions): Promise<number> {
  const proposed = await tx.unsafe<Proposed[]>(`
    select d.row_number, d.child_id, p.field, p.held, p.requested
    from linked_diff d
    join apply_rows r on r.row_number = d.row_number
    cross join lateral (select r.outcome = 'source_id' as by_source_id) k
    cross join lateral (values
      ('name', (d.before ->> 'givenNames') || ' ' || (d.before ->> 'familyName'), (d.after ->> 'givenNames') || ' ' || (d.after ->> 'familyName'),
        (lower(d.before ->> 'familyName') <> lower(d.after ->> 'familyName')
          or not starts_with(lower(d.before ->> 'givenNames') || ' ', lower(d.after ->> 'givenNames') || ' '))
        and (k.by_source_id or not ${SLIP(`d.before ->> 'familyName'`, `d.after ->> 'familyName'`)}
             or not ${SLIP(`split_part(d.before ->> 'givenNames', ' ', 1)`, `split_part(d.after ->> 'givenNames', ' ', 1)`)})),
      ('dateOfBirth', d.before ->> 'dateOfBirth', d.after ->> 'dateOfBirth', (d.differs ->> 'dateOfBirth')::boolean and k.by_source_id),
      ('gender', d.before ->> 'gender', d.after ->> 'gender', (d.differs ->> 'gender')::boolean and d.after ->> 'gender' <> 'not_specified'))
      p(field, held, requested, differs)
    where d.child_gives_way and p.differs
      and not exists (select 1 from correction_requests q where q.child_id = d.child_id and q.field = p.field
                      and q.requested_value = p.requested and q.raised_by_source_system_id = r.source_system_id)`);
  if (proposed.length === 0) return 0;
  const withReferences = proposed.map((p) => ({ ...p, reference: newReference('CR') }));
  await tx.unsafe(
    `insert into correction_requests (reference, child_id, raised_by_source_system_id, local_authority_code, item_kind, item_id, field,
       value_as_held, requested_value, explanation, received_at, due_on)
     select x.reference, x.child_id, r.source_system_id, ${responsibleAuthorityCodeSql('x.child_id')}, 'child', x.child_id, x.field,
       x.held, x.requested,
       'The source ' || s.name || ' holds this otherwise (load ' || r.file_name || ', row ' || x.row_number || '). A load does not change who a child is by itself.',
       now(), (r.as_of + interval '1 month')::date
     from jsonb_to_recordset($1::jsonb) as x(row_number int, child_id uuid, field text, held text, requested text, reference text)
     join apply_rows r on r.row_number = x.row_number
     join source_systems s on s.id = r.source_system_id`,
    [JSON.stringify(withReferences)],
  );
  return proposed.length;
}
