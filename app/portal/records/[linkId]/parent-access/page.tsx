import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireCitizen } from '@/lib/auth/require-citizen';
import { listParentAccess } from '@/lib/citizen-access/parent-access';
import { formatDate } from '@/lib/kernel/dates';
import { isRecordId } from '@/lib/records/record-path';
import { RELATIONSHIP_LABELS } from '../../../../_components/record/labels';
import { parentAccessAction } from './parent-access.action';
import { refuseAsNotFound } from '@/lib/auth/refuse-as-not-found';
import { whenRefused } from '@/app/_components/refusals';
import { SummaryRow } from '@/app/_components/record/summary-row';

export const metadata: Metadata = { title: 'Who else can see your record' };

export default async function ParentAccessPage({ params }: { params: Promise<{ linkId: string }> }) {
  const citizen = await requireCitizen();
  const { linkId } = await params;
  if (!isRecordId(linkId)) notFound();
  const parents = await listParentAccess({ db: await getDb(), citizen, linkId }).catch(whenRefused(() => refuseAsNotFound('No record linked to their account with this id')));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" href={`/portal/records/${linkId}`}>
          Back to your record
        </Link>
        <h1 className="govuk-heading-l">Who else can see your record</h1>
        <p className="govuk-body">
          You are 12 or over, so your parents and carers can see your record online only if you agree. You can change
          your mind at any time. The index team can still answer their questions by phone or post.
        </p>
        {parents.length === 0 ? <p className="govuk-body">Your record lists no parent or carer with parental responsibility.</p> : null}
        <dl className="govuk-summary-list">
          {parents.map((parent) => (
            <SummaryRow
              key={parent.carerId}
              label={
                <>
                  {parent.givenNames} {parent.familyName}
                  <span className="govuk-hint govuk-!-margin-bottom-0">{RELATIONSHIP_LABELS[parent.relationship as keyof typeof RELATIONSHIP_LABELS]}</span>
                </>
              }
              actions={
                <>
                  <AccessButton linkId={linkId} parent={parent} agree={!parent.agreed} className={parent.agreed ? 'govuk-button--warning' : 'govuk-button--secondary'}>
                    {parent.agreed ? 'Stop' : 'Let them see it'}
                  </AccessButton>
                  {parent.askedAt && !parent.agreed ? (
                    <AccessButton linkId={linkId} parent={parent} agree={false} className="govuk-button--secondary" formClassName="govuk-!-margin-top-2">
                      Say no
                    </AccessButton>
                  ) : null}
                </>
              }
            >
              {parent.agreed ? 'Can see your record' : 'Cannot see your record'}
              {parent.askedAt && !parent.agreed ? (
                <strong className="govuk-tag govuk-tag--yellow govuk-!-display-block govuk-!-margin-top-1">Asked on {formatDate(parent.askedAt)}</strong>
              ) : null}
            </SummaryRow>
          ))}
        </dl>
      </div>
    </div>
  );
}

type AccessButtonProps = {
  linkId: string;
  parent: { carerId: string; givenNames: string; familyName: string };
  agree: boolean;
  className: string;
  formClassName?: string;
  children: ReactNode;
};

/** A form of one button that lets the parent see the record, or stops them (the buttons name whom, for a screen reader). */
function AccessButton({ linkId, parent, agree, className, formClassName, children }: AccessButtonProps) {
  return (
    <form action={parentAccessAction} className={formClassName}>
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="carerId" value={parent.carerId} />
      <input type="hidden" name="agree" value={agree ? 'yes' : 'no'} />
      <button type="submit" className={`govuk-button govuk-!-margin-bottom-0 ${className}`} data-module="govuk-button">
        {children}
        <span className="govuk-visually-hidden">
          {' '}
          ({parent.givenNames} {parent.familyName})
        </span>
      </button>
    </form>
  );
}
