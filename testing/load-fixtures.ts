import { Readable } from 'node:stream';
import type { Database } from '@/db';
import { organisations, sourceSystems } from '@/db/schema';
import { LOAD_COLUMNS, type LoadFields } from '@/lib/loads/load-columns';
import { runLoad } from '@/lib/loads/run-load';

let made = 0;

/** A source system of an organisation of its own, so that each test's source identities are its own. */
export async function makeSource(db: Database): Promise<{ id: string; code: string; organisationId: string }> {
  made += 1;
  const tag = `${Date.now().toString(36)}${made}`;
  const [someOrg] = await db.select({ code: organisations.localAuthorityCode }).from(organisations).limit(1);
  const [organisation] = await db.insert(organisations).values({ kind: 'local_authority', name: `Council ${tag}`, localAuthorityCode: someOrg!.code }).returning();
  const [source] = await db
    .insert(sourceSystems)
    .values({ code: `LOAD-${tag}`, name: `Children’s services ${tag}`, kind: 'la_childrens_services', organisationId: organisation!.id, localAuthorityCode: someOrg!.code })
    .returning();
  return { id: source!.id, code: source!.code, organisationId: organisation!.id };
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A load file: the header and one line per row, every column not given left empty. */
export function loadCsv(rows: Partial<LoadFields>[]): string {
  const lines = [LOAD_COLUMNS.join(',')];
  for (const row of rows) lines.push(LOAD_COLUMNS.map((c) => quote(row[c] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const fromText = (text: string | Buffer) => () => Readable.from([Buffer.from(text)]);

/** Runs a load of `csv` as the system (the CLI's identity). */
export function loadText(db: Database, source: { code: string }, csv: string | Buffer, options: { asOf?: string; fileName?: string; batchSize?: number } = {}) {
  return runLoad({
    db,
    sourceCode: source.code,
    fileName: options.fileName ?? 'test.csv',
    open: fromText(csv),
    asOf: options.asOf ?? '2026-11-30',
    submittedBy: { kind: 'system', id: null },
    organisationId: null,
    batchSize: options.batchSize,
  });
}

export type Source = Awaited<ReturnType<typeof makeSource>>;
let people = 0;
const GIVEN = ['Ottoline', 'Peregrine', 'Wilhelmina', 'Barnaby', 'Clementine', 'Fitzwilliam', 'Araminta', 'Bartholomew'];

const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 're', 'tho', 'vin', 'dra', 'sel', 'pum', 'gor', 'wex', 'bly', 'nak', 'fro', 'quil', 'jas', 'yot', 'hib', 'cev'];
const syllable = () => SYLLABLES[Math.floor(Math.random() * SYLLABLES.length)]!;
const familyNames = new Set<string>();
/** A family name made of random syllables, unlike any seeded child's and any other test's. */
export function uniqueFamilyName(): string {
  for (;;) {
    const name = `${syllable()}${syllable()}${syllable()}${syllable()}`;
    if (!familyNames.has(name)) {
      familyNames.add(name);
      return name.charAt(0).toUpperCase() + name.slice(1);
    }
  }
}

/** A child's row with a family name of its own, so that it resembles no seeded child and no other test's. */
export function person(source: Pick<Source, 'code'>, overrides: Record<string, string> = {}) {
  people += 1;
  const family = uniqueFamilyName();
  return {
    source_system: source.code,
    source_person_id: `P${people}`,
    given_names: GIVEN[people % GIVEN.length]!,
    family_name: family,
    gender: 'F',
    date_of_birth: `${2008 + Math.floor(Math.random() * 14)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
    address_line1: `${people} Loader Row`,
    town: 'Testbury',
    postcode: `LS${1 + Math.floor(Math.random() * 29)} ${Math.floor(Math.random() * 10)}${'ABDEFGHJLNPQRSTUWXYZ'[Math.floor(Math.random() * 20)]}T`,
    carer1_given_names: 'Mary',
    carer1_family_name: family,
    carer1_relationship: 'mother',
    carer1_parental_responsibility: 'Y',
    carer1_phone: '0113 496 0000',
    ...overrides,
  };
}
export type Person = ReturnType<typeof person>;
/** The same person as another source sends them: its own person id. */
export const asSentBy = (source: Pick<Source, 'code'>, p: Person, overrides: Record<string, string> = {}) => ({
  ...p,
  source_system: source.code,
  source_person_id: `${source.code}-${p.source_person_id}`,
  ...overrides,
});
