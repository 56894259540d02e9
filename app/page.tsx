import type { Metadata } from 'next';
import Link from 'next/link';
import { pageTitle } from './_components/page-title';

// The layout's title template does not reach a page of its own segment: the suffix is written out here.
export const metadata: Metadata = { title: { absolute: pageTitle('Who works with a child in England') } };

function StartButton({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
      {children}
      <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </Link>
  );
}

export default function StartPage() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Who works with a child in England</h1>
        <p className="govuk-body-l">
          The Children’s Index is a list of every child in England and the people who help them. It works like a phone
          book: it tells someone who helps a child who else is helping that same child, so they can talk to each other.
        </p>

        <h2 className="govuk-heading-m">Why it helps</h2>
        <p className="govuk-body">
          A teacher, a doctor or a social worker might each know a little about a child. When they can find each other
          quickly, they can:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>make sure the child gets the support they need</li>
          <li>offer help early, before a small problem becomes a big one</li>
          <li>work together, so the child or family does not have to tell the same story again and again</li>
        </ul>
        <p className="govuk-body">
          They should only talk about a child when the child, or their parent or carer, agrees. The only exception is
          when a child is in danger or seriously ill.
        </p>

        <h2 className="govuk-heading-m">What it holds</h2>
        <p className="govuk-body">For each child under 18 it holds only:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>their name, date of birth and address</li>
          <li>the names and contact details of their parents or carers</li>
          <li>their school or nursery and their doctor’s surgery</li>
          <li>other services working with them, such as a health visitor or a youth worker, and how to contact them</li>
        </ul>
        <div className="govuk-inset-text">
          The law does not allow the index to hold anything else. There are no doctors’ notes, no school reports and no
          details of any help a child is getting, only who is giving it.
        </div>

        <h2 className="govuk-heading-m">Who can use it</h2>
        <p className="govuk-body">
          Only people whose job is to help children, such as school nurses and youth workers, and the small team that
          keeps the index correct. Each of them must have passed a police check, finished training and signed an
          agreement on how to use it. They sign in with a user name, a password, a PIN and a security code that changes
          every 30 seconds.
        </p>

        <h2 className="govuk-heading-m">How your record is protected</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>every search and every look at a record is written down, with who did it and why</li>
          <li>checks spot anyone using the index in the wrong way</li>
          <li>children who could be put in danger if someone found out where they live have their details hidden</li>
          <li>
            a record leaves the index when the young person turns 18, unless they choose to stay on until 25 because
            they are leaving care or still getting help with learning
          </li>
        </ul>

        <h2 className="govuk-heading-m">See your record</h2>
        <p className="govuk-body">
          If you are 12 or over you can see your own record. A parent or carer can see the record of a child they are
          responsible for. You can see where each detail came from, which organisations have looked at the record, and
          ask for anything that is wrong to be corrected, for example an old address.
        </p>
        <h3 className="govuk-heading-s">Before you start</h3>
        <p className="govuk-body">
          You will need an email address. To prove who you are, we will send a code in a letter to the address on the
          record, or by email to a parent’s email address on the record.
        </p>
        <StartButton href="/portal">Sign in to see your record</StartButton>

        <h2 className="govuk-heading-m">If you work with children</h2>
        <p className="govuk-body">
          <Link className="govuk-link" href="/staff/sign-in">
            Staff sign in
          </Link>{' '}
          for practitioners, the index team and access managers.
        </p>
      </div>
    </div>
  );
}
