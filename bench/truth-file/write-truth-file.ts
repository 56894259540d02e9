import { mobileNumber, personalEmail } from '@/db/seed/population/contacts';
import type { Random } from '@/db/seed/random';
import { addDays, transposed, typo } from './row-edits';
import { namesakeSampler } from './namesakes';
import { LOAD_COLUMNS, type LoadFields } from '@/lib/loads/load-columns';

export type Held = {
  id: string; givenNames: string; familyName: string; gender: string; dateOfBirth: string; isShielded: boolean; isNewIdentity: boolean; line1: string; town: string; postcode: string;
  /** The URN of the school, nursery or college the child attends now, if any. */
  schoolUrn: string | null;
  carer: { givenNames: string; familyName: string; relationship: string; responsible: boolean; phone: string | null; email: string | null } | null;
};
export type Address = { line1: string; town: string; postcode: string };

/**
 * What a generated row really is: an existing child (by id) or a new one, and how it was made. `namesakeOf` is the
 * held child (by id) or the earlier row (by number) whose first name, family name, gender and birthday a new
 * person's row shares: a different child, never to be linked or merged with it.
 */
export type TruthRow = {
  rowNumber: number; childId: string | null; kind: string; shielded: boolean; newIdentity: boolean;
  namesakeOf?: { childId: string } | { rowNumber: number };
};

/** Kinds of row that are a person the index does not hold. */
export const NEW_PERSON_KINDS = ['twin', 'younger sibling', 'new child', 'namesake elsewhere', 'namesake in the file'];

const GENDER_CODE: Record<string, string> = { female: 'F', male: 'M', not_specified: 'U' };

/**
 * How often a new person shares a held child's (or an earlier row's) names and birthday: 'planted', 11% of the rows,
 * far more often than in any real delivery, to measure precision where it is hardest; or 'natural', only as new
 * children's names and birthdays happen to collide (their slices of the mix become new children), to measure what a
 * caseworker would really be asked to decide.
 */
export type NamesakeRate = 'planted' | 'natural';

// The mix of rows, by the upper end of each kind's slice of [0, 1).
const MIX = [
  ['exact', 0.34], ['given typo', 0.44], ['family typo', 0.54], ['date of birth', 0.59], ['moved', 0.67],
  ['moved, a common name', 0.71], ['family name changed', 0.74], ['typo and moved', 0.77], ['twin', 0.81],
  ['younger sibling', 0.85], ['new child', 0.89], ['namesake elsewhere', 0.97], ['namesake in the file', 1],
] as const;

const firstOf = (names: string) => names.split(' ')[0]!;

// Chosen, not measured: how often a source knows a carer's phone and email that the index holds, and how often the
// one it knows is a new one (a changed number, another address).
const CONTACT = { phoneKnown: 0.9, emailKnown: 0.8, changed: 0.1 };

/** A carer's phone and email as a source knows them: mostly as held, sometimes not at all, now and then changed. */
function contactAsKnown(rng: Random, carer: NonNullable<Held['carer']>) {
  const known = (held: string | null, chance: number, fresh: () => string) =>
    held && rng.chance(chance) ? (rng.chance(CONTACT.changed) ? fresh() : held) : '';
  return {
    carer1_phone: known(carer.phone, CONTACT.phoneKnown, () => mobileNumber(rng)),
    carer1_email: known(carer.email, CONTACT.emailKnown, () => personalEmail(rng, carer.givenNames, carer.familyName)),
  };
}
// Chosen, not measured: how often a child who moves house stays at its school (the move is within reach of it). Few
// pupils change school outside the usual transitions — about a quarter of a million a year in England (Machin,
// Telhaj and Wilson, "The mobility of English school children", Fiscal Studies 27, 2006) — far fewer than move house.
const SCHOOL_KEPT_AFTER_MOVE = 0.5;

const laterOf = (names: string) => names.split(' ').slice(1).join(' ');

/** The rows of a truth file (see generateTruthFile) for a sample of held children and a sample of addresses. */
export function writeTruthFile({ rng, held: sampled, places, rows, sourceCode, asOf, namesakes: namesakeRate = 'planted' }: {
  rng: Random; held: readonly Held[]; places: readonly Address[]; rows: number; sourceCode: string; asOf: string; namesakes?: NamesakeRate;
}) {
  const held = [...sampled];
  const namesakes = namesakeSampler(held);
  const lines = [LOAD_COLUMNS.join(',')];
  const truth: TruthRow[] = [];
  const newPersons: { rowNumber: number; fields: Partial<LoadFields> }[] = [];
  const namesakeTaken = new Set<string>();
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  for (let i = 0; i < rows; i++) {
    const roll = rng.float();
    let kind: string = MIX.find(([, upTo]) => roll < upTo)![0];
    if (namesakeRate === 'natural' && kind.startsWith('namesake')) kind = 'new child';
    // A held child whose name many share: swapped in from later in the sample, so that no child has two rows.
    if (kind === 'moved, a common name') {
      const at = namesakes.pick(rng, i + 1);
      if (at === undefined) kind = 'moved';
      else [held[i], held[at]] = [held[at]!, held[i]!];
    }
    const child = held[i % held.length]!;
    const other = held[(i * 7919 + 13) % held.length]!;
    const fields: Partial<LoadFields> = {
      source_system: sourceCode,
      source_person_id: `B${i + 1}`,
      given_names: child.givenNames,
      family_name: child.familyName,
      gender: GENDER_CODE[child.gender],
      date_of_birth: child.dateOfBirth,
      address_line1: child.line1,
      town: child.town,
      postcode: child.postcode,
      school_urn: child.schoolUrn ?? '',
    };
    let childId: string | null = child.id;
    let namesakeOf: TruthRow['namesakeOf'];
    const anotherSchool = () => held[rng.int(held.length)]!.schoolUrn ?? '';
    const move = () => {
      Object.assign(fields, { address_line1: rng.pick(places).line1, town: rng.pick(places).town, postcode: rng.pick(places).postcode });
      if (!rng.chance(SCHOOL_KEPT_AFTER_MOVE)) fields.school_urn = anotherSchool();
    };
    // A namesake's later given names are drawn as anyone's are: another child's (most have none).
    const namesOfNamesake = (first: string) => [first, laterOf(held[rng.int(held.length)]!.givenNames)].filter(Boolean).join(' ');
    if (kind === 'namesake in the file' && newPersons.length === 0) kind = 'new child';
    switch (kind) {
      case 'exact':
        break;
      case 'given typo':
        fields.given_names = typo(rng, child.givenNames);
        break;
      case 'family typo':
        fields.family_name = typo(rng, child.familyName);
        break;
      case 'date of birth': {
        const swapped = transposed(child.dateOfBirth);
        kind = swapped ? 'transposed date of birth' : 'date of birth a day out';
        fields.date_of_birth = swapped ?? addDays(child.dateOfBirth, rng.chance(0.5) ? 1 : -1);
        break;
      }
      case 'moved':
      case 'moved, a common name':
        move();
        break;
      case 'family name changed':
        fields.family_name = other.familyName;
        break;
      case 'typo and moved':
        fields.family_name = typo(rng, child.familyName);
        move();
        break;
      case 'twin': {
        childId = null;
        // A twin's name is another child's, with a different first name (twins are not given the same one).
        let k = 1;
        while (firstOf(held[(i * 7919 + 13 + k) % held.length]!.givenNames).toLowerCase() === firstOf(child.givenNames).toLowerCase()) k += 1;
        const name = held[(i * 7919 + 13 + k) % held.length]!;
        fields.given_names = name.givenNames;
        fields.gender = GENDER_CODE[name.gender];
        break;
      }
      case 'younger sibling': {
        childId = null;
        fields.given_names = other.givenNames;
        fields.gender = GENDER_CODE[other.gender];
        const younger = addDays(child.dateOfBirth, 400 + rng.int(1500));
        fields.date_of_birth = younger > asOf ? addDays(child.dateOfBirth, -(400 + rng.int(1500))) : younger;
        break;
      }
      case 'new child': {
        childId = null;
        const third = held[(i * 104729 + 7) % held.length]!;
        Object.assign(fields, { given_names: other.givenNames, family_name: third.familyName, gender: GENDER_CODE[other.gender], date_of_birth: addDays(asOf, -(30 + rng.int(16 * 365))) });
        move();
        break;
      }
      case 'namesake elsewhere': {
        childId = null;
        // A held child has one namesake in the file at most: three children of one name and birthday are rarer still.
        let of = held[namesakes.pick(rng) ?? rng.int(held.length)]!;
        for (let tries = 0; tries < 50 && namesakeTaken.has(of.id); tries++) of = held[namesakes.pick(rng) ?? rng.int(held.length)]!;
        namesakeTaken.add(of.id);
        namesakeOf = { childId: of.id };
        Object.assign(fields, { given_names: namesOfNamesake(firstOf(of.givenNames)), family_name: of.familyName, gender: GENDER_CODE[of.gender], date_of_birth: of.dateOfBirth });
        move();
        break;
      }
      case 'namesake in the file': {
        childId = null;
        // Two new persons of one name and birthday: as namesakes occur, the more common the name the likelier.
        const named = (p: (typeof newPersons)[number]) => ({ givenNames: p.fields.given_names!, familyName: p.fields.family_name! });
        let at = rng.int(newPersons.length);
        for (let tries = 0; tries < 2_000 && !rng.chance(namesakes.commonness(named(newPersons[at]!))); tries++) at = rng.int(newPersons.length);
        const of = newPersons.splice(at, 1)[0]!;
        namesakeOf = { rowNumber: of.rowNumber };
        Object.assign(fields, { given_names: namesOfNamesake(firstOf(of.fields.given_names!)), family_name: of.fields.family_name, gender: of.fields.gender, date_of_birth: of.fields.date_of_birth });
        move();
        break;
      }
    }
    // The child's first carer as held — or, one time in seven, another (the other parent, a new partner, a foster
    // carer: sources do not all know the same one). A new person elsewhere has a parent of their own: another
    // carer's first name and, five times in six, the child's family name (as for held children: 83% of their
    // carers share it). Chosen by row number, not drawn.
    const anotherCarer = held[(i * 104729 + 11) % held.length]!.carer;
    const ownParent = anotherCarer && { ...anotherCarer, familyName: i % 6 === 5 ? anotherCarer.familyName : fields.family_name! };
    const livesElsewhere = kind === 'new child' || kind.startsWith('namesake');
    // A new person elsewhere goes to a school of its own (a twin or younger sibling to the child's).
    if (livesElsewhere) fields.school_urn = anotherSchool();
    const carer = livesElsewhere ? ownParent : childId !== null && rng.chance(1 / 7) ? anotherCarer : child.carer;
    if (carer) {
      Object.assign(fields, {
        carer1_given_names: carer.givenNames,
        carer1_family_name: carer.familyName,
        carer1_relationship: carer.relationship,
        carer1_parental_responsibility: carer.responsible ? 'Y' : 'N',
        ...contactAsKnown(rng, carer),
      });
    }
    // Another row's namesake in the file is made only from a new child's row (a namesake of a held child would make
    // three children of one name and birthday).
    if (kind === 'new child') newPersons.push({ rowNumber: i + 2, fields });
    truth.push({
      rowNumber: i + 2, childId, kind, shielded: child.isShielded && childId !== null, newIdentity: child.isNewIdentity && childId !== null,
      ...(namesakeOf ? { namesakeOf } : {}),
    });
    lines.push(LOAD_COLUMNS.map((c) => quote(fields[c] ?? '')).join(','));
  }
  return { csv: `${lines.join('\n')}\n`, truth };
}
