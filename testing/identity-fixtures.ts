import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { activationCodes, citizenAccounts, emailOutbox, printedLetters } from '@/db/schema';
import type { ChildFixture } from './child-factory';
import type { TIdentityStatement } from '@/lib/validation/identity-statement';
import { readLetterText } from './read-letter-text';

/** A code as printed or emailed: two groups of five from the code alphabet. */
export const PRINTED_CODE = /\b([2-9A-HJKMNP-TV-Z]{5}) ([2-9A-HJKMNP-TV-Z]{5})\b/;

let citizens = 0;

/** A citizen account of its own for each test, so that daily limits and waiting codes do not mix. */
export async function newCitizen(db: Database) {
  citizens += 1;
  const email = `person${citizens}.${Date.now().toString(36)}@example.com`;
  return (await db.insert(citizenAccounts).values({ email }).returning())[0]!;
}

/** A young person's statement of a fixture child's details, as the form sends it after validation. */
export const statementFor = (child: ChildFixture, familyName: string, dateOfBirth: string, overrides: Partial<TIdentityStatement> = {}): TIdentityStatement => ({
  relationship: 'self',
  childGivenName: 'Fixture',
  childFamilyName: familyName,
  dateOfBirth,
  postcode: child.secrets.postcode,
  parentGivenName: undefined,
  parentFamilyName: undefined,
  ...overrides,
});

/** The code in the newest letter posted for a citizen, read from the PDF the way a person reads the letter. */
export async function postedCode(db: Database, citizenId: string): Promise<string | null> {
  const [letter] = await db
    .select({ pdf: printedLetters.pdf })
    .from(printedLetters)
    .innerJoin(activationCodes, eq(activationCodes.id, printedLetters.activationCodeId))
    .where(eq(activationCodes.citizenId, citizenId))
    .orderBy(desc(activationCodes.createdAt))
    .limit(1);
  if (!letter) return null;
  const line = readLetterText(letter.pdf).find((l) => PRINTED_CODE.test(l));
  return line ? PRINTED_CODE.exec(line)!.slice(1).join('') : null;
}

/** The code in the newest email to an address. */
export async function emailedCode(db: Database, address: string): Promise<string | null> {
  const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(desc(emailOutbox.createdAt)).limit(1);
  const found = mail ? PRINTED_CODE.exec(mail.body) : null;
  return found ? found.slice(1).join('') : null;
}
