'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { clientAddress } from '@/lib/http/client-address';
import { stateIdentity } from '@/lib/identity/state-identity';
import { foldDateParts } from '@/lib/validation/date-parts';
import { ZIdentityStatement } from '@/lib/validation/identity-statement';
import { type FieldErrors, fieldErrors } from '@/lib/validation/staff-sign-in';

export type StatementState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

export async function stateIdentityAction(_previous: StatementState, formData: FormData): Promise<StatementState> {
  const citizen = await requireCitizen();
  const values = Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, String(v)]));
  const parsed = ZIdentityStatement.safeParse(foldDateParts(values, 'dateOfBirth'));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await stateIdentity({ db: await getDb(), citizen, statement: parsed.data, clientAddress: clientAddress(await headers()) });
  if (result.outcome === 'too_many_tries') {
    return { message: 'You have tried too many times today. Try again tomorrow, or contact your local authority and ask for the Children’s Index team.', values };
  }
  redirect('/portal/link-record/code');
}
