import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Privacy notice' };

export default function PrivacyNotice() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Privacy notice</h1>
        <p className="govuk-body-l">
          This notice explains what the Children’s Index holds about children and the adults around them, why, who can
          see it, how long it is kept and what rights you have.
        </p>

        <h2 className="govuk-heading-m">Who is responsible for your data</h2>
        <p className="govuk-body">
          The Department for Education is the controller of the personal data in the Children’s Index. This is a
          demonstration service: the children and people in it are made up.
        </p>

        <h2 className="govuk-heading-m">What we hold</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>a child’s names, including former names, gender, date of birth and address, and their date of death if they have died</li>
          <li>the names, relationship, address, phone number and email address of their parents and carers, and who has parental responsibility</li>
          <li>the school, nursery or college they attend and the GP practice they are registered with</li>
          <li>services working with the child, the named practitioner where known and how to contact them</li>
          <li>whether an assessment under the Common Assessment Framework has been done, and who the lead professional is</li>
        </ul>
        <p className="govuk-body">
          We never hold case notes, assessments, diagnoses or school records. For some sensitive services, such as
          sexual health, the service is only recorded with the young person’s agreement or where serious harm is
          suspected.
        </p>

        <h2 className="govuk-heading-m">Where it comes from</h2>
        <p className="govuk-body">
          Local authority children’s services, the school census, GP registrations and youth services send regular
          updates. Each detail on a record shows where it came from and when it was last confirmed.
        </p>

        <h2 className="govuk-heading-m">Why we can hold it</h2>
        <p className="govuk-body">
          Keeping the index is a task in the public interest set out in law, so our lawful basis is public task (UK
          GDPR Article 6(1)(e)). Where a record shows that a child gets a service that reveals something about their
          health, we rely on substantial public interest in safeguarding children (Article 9(2)(g)).
        </p>

        <h2 className="govuk-heading-m">Who can see it</h2>
        <p className="govuk-body">
          Only vetted people whose job is to help children, and the index team who keep it accurate. Every search and
          every view is recorded with who did it, when and why, and the records are checked for misuse. Records of
          children who could be put at risk if their whereabouts were known are shielded: their address, school, doctor
          and services are hidden from practitioners.
        </p>

        <h2 className="govuk-heading-m">How long we keep it</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>a record leaves the index on the young person’s 18th birthday</li>
          <li>care leavers and young people with learning difficulties who still get services can choose to stay on until 25</li>
          <li>if a child dies, the record stays for one year</li>
          <li>a record that leaves is kept in an archive that only the index team can read for 6 years, and is then deleted for good</li>
        </ul>

        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">
          You can see the record, see which organisations have looked at it, and ask for anything that is wrong to be
          corrected. We will reply within one calendar month. You can also object to how we use your data, or ask us
          to restrict it. If you are not happy with how we have handled your data you can complain to the{' '}
          <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/">
            Information Commissioner’s Office
          </a>
          .
        </p>

        <h2 className="govuk-heading-m">Cookies</h2>
        <p className="govuk-body">
          We only use cookies that keep you signed in and protect forms from misuse. We do not use analytics or
          advertising cookies.
        </p>

        <h2 className="govuk-heading-m">Contact us</h2>
        <p className="govuk-body">
          Email{' '}
          <a className="govuk-link" href="mailto:childrens-index@example.gov.uk">
            childrens-index@example.gov.uk
          </a>{' '}
          or write to the Data Protection Officer, Department for Education (demonstration address).
        </p>
      </div>
    </div>
  );
}
