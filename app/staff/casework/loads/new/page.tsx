import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/require-staff';
import { listUploadSources } from '@/lib/loads/list-upload-sources';
import { uploadCeilingBytes } from '@/lib/loads/upload-ceiling';
import { ErrorSummary } from '../../../../_components/form/error-summary';
import { Select } from '../../../../_components/form/select';
import { DateInput } from '../../../../_components/form/date-input';
import { CaseworkNavigation } from '../../casework-navigation';
import { isUploadProblem, UPLOAD_PROBLEMS } from './upload-problems';

export const metadata: Metadata = { title: 'Send a load file' };

type Props = { searchParams: Promise<{ problem?: string }> };

/**
 * A caseworker sends a file for one of their council's source systems, as its system client would through the API.
 * A plain form posted to ../upload (a route handler that streams the file into storage): it works without script.
 */
export default async function NewLoadPage({ searchParams }: Props) {
  const caseworker = await requireStaff('caseworker');
  const { problem } = await searchParams;
  const sources = await listUploadSources({ db: await getDb(), organisationId: caseworker.organisationId });
  const message = isUploadProblem(problem) ? UPLOAD_PROBLEMS[problem]() : undefined;
  return (
    <>
      <CaseworkNavigation current="/staff/casework/loads" />
      <Link className="govuk-back-link" href="/staff/casework/loads">
        Back to the loads
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Send a load file</h1>
          <ErrorSummary message={message} />
          {sources.length === 0 ? (
            <p className="govuk-body">Your organisation has no source systems to send files for.</p>
          ) : (
            <form method="post" action="/staff/casework/loads/upload" encType="multipart/form-data">
              <p className="govuk-body">
                A CSV file in the load format, up to {Math.floor(uploadCeilingBytes() / 2 ** 20)} MiB. It is checked once it has arrived: the load’s page
                then shows its rows, rejects and matches. One file per source system at a time.
              </p>
              <Select name="source" label="Source system" options={sources.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} defaultValue={sources.length === 1 ? sources[0]!.code : ''} />
              <DateInput name="asOf" legend="The day the source confirmed these details (optional)" hint="For example, 30 11 2026. Leave it empty for today." values={{}} />
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="file">
                  The load file
                </label>
                <input className="govuk-file-upload" id="file" name="file" type="file" accept=".csv,text/csv" />
              </div>
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Send the file
              </button>
            </form>
          )}
        </div>
      </div>
    </>
  );
}
