import type { RecordChange } from '@/db/schema';
import { formatDate } from '@/lib/kernel/dates';

export type VersionHistoryEntry = { version: number; changedAt: Date; reason: string; changedBy: string | null; changes: RecordChange[] };

/** A record's versions, newest first, as the index team reads them: when, why, which fields and by whom (a source, the young person or the retention job when no member of staff). */
export function VersionHistory({ history }: { history: readonly VersionHistoryEntry[] }) {
  if (history.length === 0) return <p className="govuk-body">No changes since the record was created.</p>;
  return (
    <table className="govuk-table">
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Version</th>
          <th scope="col" className="govuk-table__header">When</th>
          <th scope="col" className="govuk-table__header">Why</th>
          <th scope="col" className="govuk-table__header">By</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {history.map((h) => (
          <tr className="govuk-table__row" key={h.version}>
            <td className="govuk-table__cell">{h.version}</td>
            <td className="govuk-table__cell">{formatDate(h.changedAt)}</td>
            <td className="govuk-table__cell">
              {h.reason}
              {h.changes.length > 0 ? <span className="govuk-body-s govuk-!-display-block">{h.changes.map((c) => c.field).join(', ')}</span> : null}
            </td>
            <td className="govuk-table__cell">{h.changedBy ?? 'Not a member of staff'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
