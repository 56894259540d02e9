'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { clientAddress } from '@/lib/http/client-address';
import { stateIdentity } from '@/lib/identity/state-identity';
import { foldDateParts } from '@/lib/validation/date-parts';
import { IDENTITY_QUESTIONS, type IdentityQuestion, nextIdentityQuestion, ZIdentityStatement } from '@/lib/validation/identity-statement';
import { type FieldErrors, fieldErrors } from '@/lib/kernel/field-errors';

/** Which page to show: one question, or the answers to check. The answers travel in the form, never the address. */
export type StatementState = { question?: IdentityQuestion; check?: boolean; errors?: FieldErrors; message?: string; values?: Record<string, string> };

const FIELDS = ['relationship', 'parentGivenName', 'parentFamilyName', 'childGivenName', 'childFamilyName', 'dateOfBirthDay', 'dateOfBirthMonth', 'dateOfBirthYear', 'postcode'];
const isQuestion = (value: string): value is IdentityQuestion => Object.hasOwn(IDENTITY_QUESTIONS, value);

/**
 * Every page of "whose record do you want to see", so that each works without JavaScript: `answer:<question>` checks
 * that page's answer and moves to the next question not yet answered (or back to "check your answers");
 * `change:<question>` returns to one; `send` checks the whole statement again and states it.
 */
export async function stateIdentityAction(_previous: StatementState, formData: FormData): Promise<StatementState> {
  const citizen = await requireCitizen();
  // Every answer so far, as posted (React's own `$` fields and the button aside), to carry to the next page.
  const posted = [...formData.entries()].filter(([name]) => !name.startsWith('$') && name !== 'step');
  const values = { ...Object.fromEntries(FIELDS.map((field) => [field, ''])), ...Object.fromEntries(posted.map(([name, value]) => [name, String(value)])) };
  const folded = foldDateParts(values, 'dateOfBirth');
  const [verb, asked] = String(formData.get('step') ?? '').split(':');
  if (verb === 'change' && asked && isQuestion(asked)) return { question: asked, values };
  if (verb === 'answer' && asked && isQuestion(asked)) {
    const answer = IDENTITY_QUESTIONS[asked].safeParse(folded);
    if (!answer.success) return { question: asked, errors: fieldErrors(answer.error), values };
    const next = nextIdentityQuestion(folded);
    return next ? { question: next, values } : { check: true, values };
  }
  if (verb !== 'send') return { question: nextIdentityQuestion(folded) ?? 'relationship', values };
  const parsed = ZIdentityStatement.safeParse(folded);
  if (!parsed.success) {
    // Back to the first question that is not right, with its own errors only (a form sent by hand).
    const question = nextIdentityQuestion(folded) ?? 'relationship';
    const answer = IDENTITY_QUESTIONS[question].safeParse(folded);
    return { question, errors: answer.success ? undefined : fieldErrors(answer.error), values };
  }
  const statement = parsed.data.relationship === 'self' ? { ...parsed.data, parentGivenName: undefined, parentFamilyName: undefined } : parsed.data;
  const result = await stateIdentity({ db: await getDb(), citizen, statement, clientAddress: clientAddress(await headers()) });
  if (result.outcome === 'too_many_tries') {
    return { check: true, message: 'You have tried too many times today. Try again tomorrow, or contact your local authority and ask for the Children’s Index team.', values };
  }
  redirect('/portal/link-record/code');
}
