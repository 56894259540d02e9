import { beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '@/db/bulk-writer';
import type { Collector } from './collector';
import { dayFromIso } from './dates';
import { generatePopulation } from './generate';
import { TABLE_COLUMNS, type TableName } from './tables';

const column = (table: TableName, name: string) => (TABLE_COLUMNS[table] as readonly string[]).indexOf(name);
const cell = (row: Row, table: TableName, name: string) => row[column(table, name)] ?? null;

/** Children and other names of a generated population, straight from the generator (no database). */
function generate(children: number) {
  const rows: Partial<Record<TableName, Row[]>> = {};
  const collector: Collector = { emit: (table, row) => void (rows[table] ??= []).push(row), take: () => ({}) };
  for (const batch of generatePopulation({ children, seed: 3, asOf: dayFromIso('2026-11-25'), batchChildren: 10_000 }, () => collector)) void batch;
  return { children: rows.children ?? [], otherNames: rows.other_names ?? [] };
}

describe('former names in the synthetic population', () => {
  let population: ReturnType<typeof generate>;
  let byId: Map<Row[number], Row>;
  let former: Row[];
  beforeAll(() => {
    // Enough children for about 100 new identities: a former name given to any of them would show.
    population = generate(120_000);
    byId = new Map(population.children.map((child) => [cell(child, 'children', 'id'), child]));
    former = population.otherNames.filter((name) => cell(name, 'other_names', 'kind') === 'former');
  });

  it('gives about 3% of children a former family name, different from their own', () => {
    expect(former.length / population.children.length).toBeGreaterThan(0.02);
    expect(former.length / population.children.length).toBeLessThan(0.04);
    const differing = former.filter((name) => {
      const child = byId.get(cell(name, 'other_names', 'child_id'))!;
      return cell(name, 'other_names', 'family_name') !== cell(child, 'children', 'family_name');
    });
    expect(differing.length / former.length).toBeGreaterThan(0.9);
  });

  it('never gives one to a new identity, which must not be linked to the identity it replaced', () => {
    const newIdentities = population.children.filter((child) => cell(child, 'children', 'is_new_identity') === true);
    expect(newIdentities.length).toBeGreaterThan(50);
    const ids = new Set(newIdentities.map((child) => cell(child, 'children', 'id')));
    expect(former.filter((name) => ids.has(cell(name, 'other_names', 'child_id')))).toEqual([]);
  });

  it("copies the child's date of birth and postcode district, which the search blocks on", () => {
    for (const name of population.otherNames) {
      const child = byId.get(cell(name, 'other_names', 'child_id'))!;
      const postcode = cell(child, 'children', 'postcode') as string | null;
      expect(cell(name, 'other_names', 'child_date_of_birth')).toBe(cell(child, 'children', 'date_of_birth'));
      expect(cell(name, 'other_names', 'child_postcode_district')).toBe(postcode === null ? null : postcode.split(' ')[0]);
    }
  });
});
