import { formatDate } from '@/lib/kernel/dates';
import { askYoungPersonAction } from './ask-young-person.action';

/** For a parent of a young person of 12 or over who has not agreed yet: ask them, or say that they were asked. */
export function AskYoungPerson({ linkId, givenName, askedAt }: { linkId: string; givenName: string; askedAt: Date | null | undefined }) {
  if (askedAt) {
    return (
      <p className="govuk-body">
        You asked {givenName} on {formatDate(askedAt)}. They will see your request when they sign in, and we have emailed them if they use this service. We will email you if they agree.
      </p>
    );
  }
  return (
    <form action={askYoungPersonAction}>
      <input type="hidden" name="linkId" value={linkId} />
      <p className="govuk-body">We can ask {givenName} for you. We tell them in their account and by email, and we email you if they agree.</p>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Ask {givenName} to let you see their record
      </button>
    </form>
  );
}
