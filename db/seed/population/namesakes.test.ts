import { beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '@/db/bulk-writer';
import type { Collector } from './collector';
import { dayFromIso } from './dates';
import { generatePopulation } from './generate';
import { TABLE_COLUMNS, type TableName } from './tables';

const column = (table: TableName, name: string) => (TABLE_COLUMNS[table] as readonly string[]).indexOf(name);
const cell = (row: Row, table: TableName, name: string) => String(row[column(table, name)]);

// The calculation in docs/benchmarks.md ("Seeding … names as common as they are"): at 12 M children about 50,000
// pairs share a first given name, a family name and a birthday — some 15,000 if names were drawn independently of
// each other nationally, three times that because communities share names (Muhammad Khan, Harpreet Kaur, Nguyen).
const CHILDREN = 100_000;
const BIRTHDAYS_UNDER_18 = 18 * 365.25;

type Child = { name: string; dateOfBirth: string; address: string; familyName: string; household: string; district: string };

function generate(): Child[] {
  const rows: Partial<Record<TableName, Row[]>> = {};
  const collector: Collector = { emit: (table, row) => void (rows[table] ??= []).push(row), take: () => ({}) };
  for (const batch of generatePopulation({ children: CHILDREN, seed: 11, asOf: dayFromIso('2026-11-25'), batchChildren: 10_000 }, () => collector)) void batch;
  const home = new Map<string, string>();
  for (const link of rows.child_addresses ?? []) {
    if (row(link, 'child_addresses', 'lived_until') === 'null') home.set(cell(link, 'child_addresses', 'child_id'), cell(link, 'child_addresses', 'address_id'));
  }
  const firstCarer = new Map<string, string>();
  for (const link of rows.child_carers ?? []) {
    const child = cell(link, 'child_carers', 'child_id');
    if (!firstCarer.has(child)) firstCarer.set(child, cell(link, 'child_carers', 'carer_id'));
  }
  return (rows.children ?? []).map((child) => {
    const id = cell(child, 'children', 'id');
    const familyName = cell(child, 'children', 'family_name');
    return {
      name: `${cell(child, 'children', 'given_names').split(' ')[0]} ${familyName}`,
      familyName,
      dateOfBirth: cell(child, 'children', 'date_of_birth'),
      address: home.get(id) ?? id,
      household: firstCarer.get(id) ?? id,
      district: cell(child, 'children', 'postcode').split(' ')[0]!,
    };
  });
}
const row = (r: Row, table: TableName, name: string) => String(r[column(table, name)] ?? 'null');

function pairs<T>(items: readonly T[], key: (item: T) => string): [T, T][] {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(key(item)) ?? groups.set(key(item), []).get(key(item))!).push(item);
  const found: [T, T][] = [];
  for (const group of groups.values()) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) found.push([group[i]!, group[j]!]);
  return found;
}

describe('namesakes in the synthetic population', () => {
  let children: Child[];
  let sameName: number;
  beforeAll(() => {
    children = generate();
    const groups = new Map<string, number>();
    for (const child of children) groups.set(child.name, (groups.get(child.name) ?? 0) + 1);
    sameName = [...groups.values()].reduce((n, size) => n + (size * (size - 1)) / 2, 0);
  });

  it('shares first and family names as often as the calculation says: some 50,000 same-birthday pairs at 12 M', () => {
    const sharingNames = sameName / ((CHILDREN * (CHILDREN - 1)) / 2);
    const atTwelveMillion = ((12e6 * 12e6) / 2) * sharingNames / BIRTHDAYS_UNDER_18;
    expect(atTwelveMillion).toBeGreaterThan(30_000);
    expect(atTwelveMillion).toBeLessThan(75_000);
  });

  it('gives namesakes birthdays independently of their names: same-month pairs as many as chance predicts, none at one address', () => {
    const sameMonth = pairs(children, (c) => `${c.name}|${c.dateOfBirth.slice(0, 7)}`);
    const expected = sameName / (18 * 12);
    expect(sameMonth.length).toBeGreaterThan(expected * 0.75);
    expect(sameMonth.length).toBeLessThan(expected * 1.3);
    expect(sameMonth.filter(([a, b]) => a.address === b.address)).toEqual([]);
    expect(pairs(children, (c) => `${c.name}|${c.dateOfBirth}`).length).toBeGreaterThan(0);
  });

  it('has twins (some 3% of children), never with one first name, often with names alike', () => {
    const twins = pairs(children, (c) => `${c.household}|${c.dateOfBirth}`);
    expect(twins.length / CHILDREN).toBeGreaterThan(0.008);
    expect(twins.filter(([a, b]) => a.name === b.name)).toEqual([]);
    const alike = twins.filter(([a, b]) => a.name.slice(0, 2) === b.name.slice(0, 2));
    expect(alike.length / twins.length).toBeGreaterThan(0.05);
  });

  it('has cousins: children of other households with their surname live in their district more often than chance', () => {
    const pairCount = (key: (c: Child) => string) => {
      const sizes = new Map<string, number>();
      for (const c of children) sizes.set(key(c), (sizes.get(key(c)) ?? 0) + 1);
      return [...sizes.values()].reduce((n, size) => n + (size * (size - 1)) / 2, 0);
    };
    const sameSurnameNearby = pairCount((c) => `${c.familyName}|${c.district}`) - pairCount((c) => `${c.familyName}|${c.district}|${c.household}`);
    const sameSurname = pairCount((c) => c.familyName) - pairCount((c) => `${c.familyName}|${c.household}`);
    const anyTwoNearby = pairCount((c) => c.district) / ((CHILDREN * (CHILDREN - 1)) / 2);
    expect(sameSurnameNearby / sameSurname / anyTwoNearby).toBeGreaterThan(1.2);
  });
});
