import type postgres from 'postgres';

/**
 * The two mistakes that matter most with common names, counted against the benchmark's truth (`bench_truth`) and
 * printed with examples: a row that is a new person linked automatically to a held child (always another child),
 * and a row merged with another row of the file that is a different child.
 */
export async function reportCollisions(sql: postgres.Sql, loadId: string) {
  const byKind = await sql<{ kind: string; rows: number; linked: number; linkedToNamesake: number; review: number; merged: number }[]>`
    select t.kind, count(*)::int as rows,
      count(*) filter (where r.outcome = 'linked' and r.same_child_as_row is null)::int as linked,
      count(*) filter (where r.outcome = 'linked' and r.child_id = t.namesake_child)::int as "linkedToNamesake",
      count(*) filter (where r.outcome = 'review')::int as review,
      count(*) filter (where r.outcome = 'linked' and r.same_child_as_row is not null)::int as merged
    from bench_truth t join source_load_rows r on r.load_id = ${loadId} and r.row_number = t.row_number
    where t.child_id is null and not t.new_identity
    group by t.kind order by t.kind`;
  const [merges] = await sql<{ wrong: number }[]>`
    select count(*)::int as wrong
    from bench_truth t join source_load_rows r on r.load_id = ${loadId} and r.row_number = t.row_number
    left join bench_truth e on e.row_number = r.same_child_as_row
    where r.outcome = 'linked' and r.same_child_as_row is not null and not (t.child_id is not null and t.child_id = e.child_id)`;
  const examples = await sql<{ kind: string; weight: number; row: string; linked: string }[]>`
    select t.kind, r.match_weight::int as weight,
      r.given_names || ' ' || r.family_name || ' ' || r.date_of_birth || ' ' || coalesce(r.postcode, '') || ' (carer ' || coalesce((r.carers->0->>'givenNames') || ' ' || (r.carers->0->>'familyName'), '–') || ')' as row,
      c.given_names || ' ' || c.family_name || ' ' || c.date_of_birth || ' ' || coalesce(c.postcode, '') as linked
    from bench_truth t join source_load_rows r on r.load_id = ${loadId} and r.row_number = t.row_number join children c on c.id = r.child_id
    where t.child_id is null and not t.new_identity and r.outcome = 'linked' and r.same_child_as_row is null
    order by r.match_weight desc limit 10`;
  const newPersons = byKind.reduce((n, k) => n + k.rows, 0);
  const newPersonsLinked = byKind.reduce((n, k) => n + k.linked, 0);
  console.log('\nNew persons (not held) by kind: rows / linked automatically to a held child (to their namesake) / review / merged with another row:');
  for (const k of byKind) console.log(`  ${k.kind}: ${k.rows} / ${k.linked} (${k.linkedToNamesake}) / ${k.review} / ${k.merged}`);
  console.log(`New persons linked automatically to a held child: ${newPersonsLinked} of ${newPersons}; rows merged with another row that is a different child: ${merges!.wrong}`);
  for (const e of examples) console.log(`  ${e.kind} (${e.weight}): ${e.row}  →  ${e.linked}`);
  return { newPersons, newPersonsLinked, mergedWrongly: merges!.wrong };
}
