import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { activationCodes, addresses, localAuthorities, printedLetters } from '@/db/schema';
import { hashSecret } from '@/lib/auth/secrets';
import { newReference } from '@/lib/kernel/request-reference';
import { addDays, todayInLondon } from '@/lib/kernel/dates';
import { queueEmail } from '@/lib/email/queue-email';
import { env } from '@/lib/env.js';
import { appUrl } from '@/lib/http/app-url';
import { codeIsWaiting } from './code-is-waiting';
import { formatActivationCode } from './format-activation-code';
import type { StatementMatch } from './match-identity-statement';
import { newActivationCode } from './new-activation-code';
import { renderActivationLetter } from './render-activation-letter';

/** A posted code runs until the end of the 28th day after the letter's date; an emailed one for 15 minutes. */
export const POSTED_CODE_DAYS = 28;
export const EMAILED_CODE_MS = 15 * 60 * 1000;
/** Codes waiting for one account: enough for a parent linking two children; each try is checked against them all. */
export const MAX_WAITING_CODES_PER_CITIZEN = 3;
/** Letters waiting for one child, from anyone: so that nobody can bury a household in letters. */
export const MAX_WAITING_LETTERS_PER_CHILD = 3;

export type IssueActivationCodeOptions = {
  db: DbOrTx;
  citizenId: string;
  relationship: 'self' | 'parent';
  match: StatementMatch;
  now: Date;
};

/**
 * Proof of possession, sent: a one-time code to the parent's email held on the record, or else in a letter to the
 * address held on the record (a PDF queued for the print room, and emailed to it). Only an argon2id hash of the code
 * is kept. Returns false, sending nothing, when too many codes are already waiting.
 */
export async function issueActivationCode({ db, citizenId, relationship, match, now }: IssueActivationCodeOptions): Promise<boolean> {
  const byEmail = relationship === 'parent' && match.carer?.email ? match.carer.email : null;
  const [forCitizen] = await db.select({ n: count() }).from(activationCodes).where(and(eq(activationCodes.citizenId, citizenId), codeIsWaiting(now)));
  if ((forCitizen?.n ?? 0) >= MAX_WAITING_CODES_PER_CITIZEN) return false;
  if (!byEmail) {
    const [forChild] = await db
      .select({ n: count() })
      .from(activationCodes)
      .where(and(eq(activationCodes.childId, match.childId), eq(activationCodes.channel, 'post'), codeIsWaiting(now)));
    if ((forChild?.n ?? 0) >= MAX_WAITING_LETTERS_PER_CHILD) return false;
  }

  const code = newActivationCode();
  const letterDate = todayInLondon(now);
  const expiresOn = addDays(letterDate, POSTED_CODE_DAYS);
  const [issued] = await db
    .insert(activationCodes)
    .values({
      citizenId,
      childId: match.childId,
      relationship,
      carerId: match.carer?.id ?? null,
      channel: byEmail ? 'email' : 'post',
      codeHash: await hashSecret(code),
      letterDate: byEmail ? null : letterDate,
      expiresAt: byEmail ? new Date(now.getTime() + EMAILED_CODE_MS) : endOfLondonDay(expiresOn),
      createdAt: now,
    })
    .returning({ id: activationCodes.id });

  if (byEmail) {
    await queueEmail({
      db,
      email: {
        to: byEmail,
        subject: 'Your code for the Children’s Index',
        text: [
          `Someone asked to see the record of ${match.childName} on the Children’s Index online service, as their parent or carer. If it was you, enter this code when you are asked for it:`,
          '',
          formatActivationCode(code),
          '',
          'The code works once, for 15 minutes. If it is typed wrongly 3 times it stops working.',
          '',
          'If you did not ask for it, you can ignore this email: nobody can see the record without the code.',
        ].join('\n'),
      },
    });
    return true;
  }

  // From the index team of the council the letter goes to: whom the recipient would phone about it.
  const [council] = await db
    .select({ name: localAuthorities.name, phone: localAuthorities.indexTeamPhone })
    .from(addresses)
    .innerJoin(localAuthorities, eq(localAuthorities.code, addresses.localAuthorityCode))
    .where(eq(addresses.id, match.address.id));
  const reference = newReference('AL');
  const pdf = await renderActivationLetter({
    recipientName: match.carer?.name ?? match.childName,
    addressLines: match.address.lines,
    childName: relationship === 'parent' ? match.childName : null,
    code,
    letterDate,
    expiresOn,
    reference,
    serviceAddress: appUrl('/portal'),
    sender: council ?? { name: 'your local authority', phone: 'the number on your council’s website' },
  });
  const [letter] = await db.insert(printedLetters).values({ activationCodeId: issued!.id, addressId: match.address.id, pdf, reference, createdAt: now }).returning({ id: printedLetters.id });
  // The print room's copy: the PDF only. The code is written nowhere but in the letter.
  await queueEmail({
    db,
    email: {
      to: env.PRINT_ROOM_EMAIL,
      subject: 'Letter to print and post: activation code',
      text: `Please print the attached letter (${letter!.id}) and post it in a window envelope: the address shows through the window.`,
      attachmentLetterId: letter!.id,
    },
  });
  return true;
}

/** The moment a date ends in England: midnight UTC after it, less the hour of British Summer Time when it applies. */
function endOfLondonDay(isoDate: string): Date {
  const nextMidnightUtc = new Date(`${addDays(isoDate, 1)}T00:00:00Z`);
  const londonHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(nextMidnightUtc));
  return new Date(nextMidnightUtc.getTime() - londonHour * 3600_000);
}
