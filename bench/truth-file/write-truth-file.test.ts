import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Random } from '@/db/seed/random';
import { type Held, type NamesakeRate, type TruthRow, writeTruthFile } from './write-truth-file';

const GIVEN = ['Oliver', 'Olivia', 'Muhammad', 'Amelia', 'Jack', 'Isla', 'Noah', 'Ava'];
const FAMILY = ['Smith', 'Khan', 'Jones', 'Patel'];

/** Held children whose names repeat as common ones do (the first names and surnames above), and some rare ones. */
function heldChildren(count: number): Held[] {
  const rng = new Random(7);
  return Array.from({ length: count }, (_, i) => {
    const common = rng.chance(0.6);
    const day = 1 + rng.int(28);
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      givenNames: common ? rng.pick(GIVEN) : `Rare${i}`,
      familyName: common ? rng.pick(FAMILY) : `Surname${i}`,
      gender: rng.chance(0.5) ? 'female' : 'male',
      dateOfBirth: `2015-0${1 + rng.int(9)}-${String(day).padStart(2, '0')}`,
      isShielded: false,
      isNewIdentity: false,
      line1: `${i} Held Street`,
      town: 'Heldtown',
      postcode: `HD${i % 90} ${i % 9}AA`,
      // One child in five under school age, with none.
      schoolUrn: i % 5 === 0 ? null : `1${String(i).padStart(5, '0')}`,
      carer: { givenNames: 'Sarah', familyName: 'Parent', relationship: 'mother', responsible: true, phone: '07700 900123', email: 'sarah.parent42@example.com' },
    };
  });
}

const places = Array.from({ length: 400 }, (_, i) => ({ line1: `${i} Far Road`, town: 'Elsewhere', postcode: `ZZ${i % 50} ${i % 9}ZZ` }));

function build(seed: number, namesakes: NamesakeRate = 'planted') {
  const held = heldChildren(4_000);
  const { csv, truth } = writeTruthFile({ rng: new Random(seed), held, places, rows: 4_000, sourceCode: 'TEST', asOf: '2026-12-01', namesakes });
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  const rowOf = (t: TruthRow) => rows[t.rowNumber - 2]!;
  return { held, truth, rows, rowOf };
}
const first = (names: string) => names.split(' ')[0];

describe('the load benchmark’s truth file', () => {
  const { held, truth, rowOf } = build(3);
  const heldById = new Map(held.map((c) => [c.id, c]));
  const ofKind = (kind: string) => truth.filter((t) => t.kind === kind);

  it('is the same file for the same seed', () => {
    const again = build(3);
    expect(again.truth).toEqual(truth);
    expect(again.rows.map((r) => JSON.stringify(r))).toEqual(truth.map((t) => JSON.stringify(rowOf(t))));
  });

  it('holds namesakes of held children elsewhere: new persons, never the held child', () => {
    const namesakes = ofKind('namesake elsewhere');
    expect(namesakes.length).toBeGreaterThan(200);
    for (const t of namesakes) {
      expect(t.childId).toBeNull();
      const of = heldById.get((t.namesakeOf as { childId: string }).childId)!;
      const row = rowOf(t);
      expect([first(row.given_names!), row.family_name, row.date_of_birth]).toEqual([first(of.givenNames), of.familyName, of.dateOfBirth]);
      expect(row.postcode).not.toBe(of.postcode);
    }
    const targets = namesakes.map((t) => (t.namesakeOf as { childId: string }).childId);
    expect(new Set(targets).size).toBe(targets.length);
    // Drawn as namesakes occur: common names far more often than their share of the held children.
    const common = namesakes.filter((t) => GIVEN.includes(first(rowOf(t).given_names!)!)).length;
    expect(common / namesakes.length).toBeGreaterThan(0.9);
  });

  it('holds rows of one file with other source ids that share an earlier new person’s names and birthday', () => {
    const inFile = ofKind('namesake in the file');
    expect(inFile.length).toBeGreaterThan(50);
    for (const t of inFile) {
      const earlierNumber = (t.namesakeOf as { rowNumber: number }).rowNumber;
      const earlier = truth[earlierNumber - 2]!;
      expect(earlierNumber).toBeLessThan(t.rowNumber);
      expect(t.childId).toBeNull();
      expect(earlier.kind).toBe('new child');
      const [row, other] = [rowOf(t), rowOf(earlier)];
      expect(row.source_person_id).not.toBe(other.source_person_id);
      expect([first(row.given_names!), row.family_name, row.date_of_birth, row.gender]).toEqual([first(other.given_names!), other.family_name, other.date_of_birth, other.gender]);
    }
  });

  it('holds moves of children whose name others share, and gives no held child two rows', () => {
    const moved = ofKind('moved, a common name');
    expect(moved.length).toBeGreaterThan(100);
    for (const t of moved) {
      const child = heldById.get(t.childId!)!;
      expect(held.filter((c) => first(c.givenNames) === first(child.givenNames) && c.familyName === child.familyName).length).toBeGreaterThan(1);
      expect(rowOf(t).postcode).not.toBe(child.postcode);
    }
    const heldRows = truth.filter((t) => t.childId !== null).map((t) => t.childId);
    expect(new Set(heldRows).size).toBe(heldRows.length);
  });

  it('gives carers the phone and email the source knows: mostly as held, sometimes none, now and then another', () => {
    const asHeld = truth.filter((t) => t.kind === 'exact').map((t) => rowOf(t));
    const same = asHeld.filter((r) => r.carer1_email === 'sarah.parent42@example.com').length;
    const none = asHeld.filter((r) => r.carer1_email === '').length;
    expect(same / asHeld.length).toBeGreaterThan(0.5);
    expect(none).toBeGreaterThan(0);
    expect(asHeld.length - same - none).toBeGreaterThan(0);
  });

  it('names the school a held child attends, kept after a move about half the time; a new person elsewhere, another', () => {
    const schoolOf = (t: TruthRow) => heldById.get(t.childId!)!.schoolUrn ?? '';
    for (const t of ofKind('exact')) expect(rowOf(t).school_urn).toBe(schoolOf(t));
    const moves = truth.filter((t) => t.kind.startsWith('moved') && heldById.get(t.childId!)!.schoolUrn);
    const kept = moves.filter((t) => rowOf(t).school_urn === schoolOf(t)).length / moves.length;
    expect(kept).toBeGreaterThan(0.4);
    expect(kept).toBeLessThan(0.6);
    for (const t of ofKind('namesake elsewhere')) {
      const of = heldById.get((t.namesakeOf as { childId: string }).childId)!;
      if (of.schoolUrn) expect(rowOf(t).school_urn).not.toBe(of.schoolUrn);
    }
  });

  it('plants no namesakes when they are to occur only as names and birthdays happen to collide', () => {
    const natural = build(3, 'natural').truth;
    expect(natural.filter((t) => t.kind.startsWith('namesake'))).toEqual([]);
    expect(natural.filter((t) => t.kind === 'new child').length).toBeGreaterThan(ofKind('new child').length + 300);
  });
});
