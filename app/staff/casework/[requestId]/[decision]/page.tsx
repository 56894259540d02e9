import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getDb } from '@/db';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { requireStaff } from '@/lib/auth/require-staff';
import { viewRequest } from '@/lib/casework/view-request';
import { clientAddress } from '@/lib/http/client-address';
import { isRecordId } from '@/lib/records/record-path';
import { changeKeyOf } from '@/lib/validation/correction-change';
import { choiceOf } from '@/lib/validation/query-choice';
import { changeFields, describeValue, itemLabel } from '../../../../_components/form/change-fields';
import type { FieldSpec } from '../../../../_components/form/form-fields';
import { CommandForm } from '../command-form';
import { DECISIONS, offeredDecisions } from '../decisions';
import { whenRefused } from '@/app/_components/refusals';
import { SummaryRow } from '@/app/_components/record/summary-row';

export const metadata: Metadata = { title: 'Decide a correction request' };

type Props = { params: Promise<{ requestId: string; decision: string }> };

/** One decision on a correction request, alone on its page; a decision the request cannot take now goes back to it. */
export default async function DecisionPage({ params }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { requestId, decision: slug } = await params;
  const decision = choiceOf(DECISIONS, slug);
  if (!isRecordId(requestId) || !decision) notFound();
  const back = `/staff/casework/${requestId}`;
  // Refused (and audited) by the rules: the request's page says why, and whom to call.
  const view = await viewRequest({ db: await getDb(), caseworker, requestId, clientAddress: clientAddress(await headers()) }).catch(whenRefused(() => redirect(back), 'forbidden'));
  if (!view) return refuseAsNotFound('No correction request of their council with this id');
  if (!offeredDecisions(view, caseworker.id).some((d) => d.command === decision.command)) redirect(back);

  const { request, item } = view;
  const caption = `Correction request ${request.reference}: ${itemLabel(request.itemKind, request.field)}`;
  const version = { expectedVersion: String(view.child.version) };
  const textarea = (name: string, label: string, hint?: string): FieldSpec[] => [{ kind: 'textarea', name, label, hint }];
  const common = { requestId, caption, title: decision.title, button: decision.button, command: decision.command };
  const asked = (
    <dl className="govuk-summary-list">
      <SummaryRow label="Held now">{item ? describeValue(item.value) : (request.valueAsHeld ?? 'Nothing held')}</SummaryRow>
      <SummaryRow label={request.raisedBySource ? 'What the source holds' : 'What the requester asked for'}>{request.requestedValue}</SummaryRow>
    </dl>
  );

  let form: ReactNode = null;
  switch (decision.command) {
    case 'apply':
      form = (
        <CommandForm
          {...common}
          changeKey={changeKeyOf(request.itemKind, request.field)}
          fields={item ? changeFields(item.key) : []}
          defaults={view.startingValues}
          hidden={version}
          check={{
            title: 'Check the change before you approve it',
            consequence: 'The record will be changed and the requester told. If you changed what they asked for, another caseworker must approve your edit first.',
            button: 'Approve this change',
          }}
        >
          {asked}
          <p className="govuk-body">We have filled this in from what the requester asked for. If you change anything, another caseworker must approve the change before it is made.</p>
        </CommandForm>
      );
      break;
    case 'ask_for_information':
      form = <CommandForm {...common} fields={textarea('question', 'Your question', 'The requester reads this after signing in. The time to answer stops until they reply.')} />;
      break;
    case 'refuse':
      form = (
        <CommandForm
          {...common}
          fields={textarea('reason', 'Why the record is not changed', 'The requester reads this reason.')}
          check={{ title: 'Check your reason before you refuse the request', consequence: 'The requester will be told the request is refused, with this reason.', button: 'Refuse the request', buttonClass: 'govuk-button--warning' }}
        >
          {asked}
        </CommandForm>
      );
      break;
    case 'assign':
      form = (
        <CommandForm
          {...common}
          fields={[{ kind: 'select', name: 'toStaffId', label: 'Caseworker', options: [{ value: caseworker.id, label: `Me (${caseworker.displayName})` }, ...view.colleagues.map((c) => ({ value: c.id, label: c.displayName }))] }]}
          defaults={{ toStaffId: caseworker.id }}
        />
      );
      break;
    case 'close':
      form = <CommandForm {...common} fields={textarea('closeReason', 'Why is it closed?', 'For example, the requester withdrew it.')} />;
      break;
    case 'confirm_edit':
      form = (
        <CommandForm {...common} fields={[]} hidden={version}>
          <p className="govuk-body">
            {request.proposedBy ?? 'A caseworker'} changed what the requester asked for to: <strong>{request.proposedChange ? describeValue(request.proposedChange) : 'nothing'}</strong>
          </p>
          <p className="govuk-body">If you approve it, the record is changed and the requester told.</p>
        </CommandForm>
      );
      break;
    case 'return_edit':
      form = <CommandForm {...common} fields={textarea('note', 'Why are you sending it back?')} />;
      break;
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={back}>
          Back to the request
        </Link>
        {form}
      </div>
    </div>
  );
}
