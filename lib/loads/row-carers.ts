import 'server-only';
import type postgres from 'postgres';

/**
 * How many rows of one file may give the same carer phone number or email address and still have it count as that
 * carer's own: a parent of several children is on each child's row, but a number on more rows than a family has
 * children is a placeholder, a school office or a switchboard — a careless source's, or a hostile one's — and says
 * nothing about who the carer is.
 */
export const SHARED_CONTACT_ROWS = 6;

/** A phone number as digits, the UK's +44, 0044 or +44 (0) written as the leading 0; null when it cannot be a whole number. */
export const phoneKeySql = (phone: string) => {
  const digits = `regexp_replace(regexp_replace(${phone}, '[^0-9]', '', 'g'), '^(00)?440?', '0')`;
  return `(case when length(${digits}) between 10 and 11 then ${digits} end)`;
};

/** An email address in lower case without surrounding spaces; null unless it has a name before an @. */
export const emailKeySql = (email: string) => `(case when btrim(${email}) ~ '^[^@\\s]+@[^@\\s]+$' then lower(btrim(${email})) end)`;

/**
 * The carers of the load's rows, into load_row_carers (row_number, given, family, phone, email: names in lower case,
 * contact details as keys), once per transaction: a phone or email that more than SHARED_CONTACT_ROWS rows give is
 * left out.
 */
export async function stageRowCarers(tx: postgres.TransactionSql, loadId: string): Promise<void> {
  const [{ staged }] = (await tx`select to_regclass('pg_temp.load_row_carers') is not null as staged`) as unknown as [{ staged: boolean }];
  if (staged) return;
  await tx.unsafe(
    `create temp table load_row_carers on commit drop as
     select row_number, given, family,
            case when count(*) over (partition by phone) <= ${SHARED_CONTACT_ROWS} then phone end as phone,
            case when count(*) over (partition by email) <= ${SHARED_CONTACT_ROWS} then email end as email
     from (
       select r.row_number, lower(e."givenNames") as given, lower(e."familyName") as family,
              ${phoneKeySql('e.phone')} as phone, ${emailKeySql('e.email')} as email
       from source_load_rows r cross join lateral jsonb_to_recordset(r.carers) as e("givenNames" text, "familyName" text, phone text, email text)
       where r.load_id = $1) keyed`,
    [loadId],
  );
  await tx`create index on load_row_carers (row_number)`;
  await tx`analyze load_row_carers`;
}
