import { formatDate } from '@/lib/kernel/dates';
import type { HeldChildRecord, HeldSetting, Provenance } from '@/lib/records/child-record';
import { RELATIONSHIP_LABELS } from './labels';
import { Lines, SummaryCard, SummaryRow } from './summary-row';

function Contact({ phone, email, provenance }: { phone: string | null; email: string | null; provenance?: Provenance }) {
  return (
    <>
      {phone ? (
        <SummaryRow label="Phone" provenance={provenance}>
          {phone}
        </SummaryRow>
      ) : null}
      {email ? (
        <SummaryRow label="Email" provenance={phone ? undefined : provenance}>
          <a className="govuk-link" href={`mailto:${email}`}>
            {email}
          </a>
        </SummaryRow>
      ) : null}
    </>
  );
}

function Setting({ setting, since }: { setting: HeldSetting; since: string }) {
  const { organisation } = setting;
  return (
    <SummaryCard title={organisation.name}>
      <SummaryRow label="Address" provenance={setting.provenance}>
        <Lines lines={organisation.addressLines} />
      </SummaryRow>
      <Contact phone={organisation.phone} email={organisation.email} />
      {setting.since ? <SummaryRow label={since}>{formatDate(setting.since)}</SummaryRow> : null}
    </SummaryCard>
  );
}

/** Parents and carers, then the school or setting and the GP practice. */
export function PeopleAndSettings({ record }: { record: Pick<HeldChildRecord, 'carers' | 'education' | 'gp'> }) {
  return (
    <>
      <h2 className="govuk-heading-m">Parents and carers</h2>
      {record.carers.length === 0 ? <p className="govuk-body">None recorded.</p> : null}
      {record.carers.map((carer) => (
        <SummaryCard key={carer.id} title={`${carer.givenNames} ${carer.familyName}`}>
          <SummaryRow label="Relationship" provenance={carer.provenance}>
            {RELATIONSHIP_LABELS[carer.relationship]}
          </SummaryRow>
          <SummaryRow label="Parental responsibility">{carer.hasParentalResponsibility ? 'Yes' : 'No'}</SummaryRow>
          <Contact phone={carer.phone} email={carer.email} provenance={carer.contactProvenance} />
          {carer.addressLines ? (
            <SummaryRow label="Address">
              <Lines lines={carer.addressLines} />
            </SummaryRow>
          ) : null}
        </SummaryCard>
      ))}

      <h2 className="govuk-heading-m">School or setting</h2>
      {record.education.length === 0 ? <p className="govuk-body">None recorded.</p> : null}
      {record.education.map((setting, i) => (
        <Setting key={i} setting={setting} since="Attending since" />
      ))}

      <h2 className="govuk-heading-m">GP practice</h2>
      {record.gp.length === 0 ? <p className="govuk-body">None recorded.</p> : null}
      {record.gp.map((setting, i) => (
        <Setting key={i} setting={setting} since="Registered since" />
      ))}
    </>
  );
}
