import { getDb } from '@/db';
import { exportAuditEvents } from '@/lib/audit/export-audit-events';
import { requireStaff } from '@/lib/auth/require-staff';
import { todayInLondon } from '@/lib/kernel/dates';
import { clientAddress } from '@/lib/http/client-address';
import { parseAuditFilter } from '@/lib/validation/audit-filter';

export const dynamic = 'force-dynamic';

const NOT_KEPT = { 'Cache-Control': 'no-store' };

/** The explorer's events as CSV, with the page's guard and filter; a byte-order mark so spreadsheets read UTF-8. */
export async function GET(request: Request) {
  const viewer = await requireStaff('administrator', 'caseworker');
  const parsed = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join('\n');
    return new Response(`The filter is not valid:\n${problems}\n`, { status: 400, headers: { ...NOT_KEPT, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const { csv } = await exportAuditEvents({ db: await getDb(), viewer, filter: parsed.data, clientAddress: clientAddress(request.headers) });
  return new Response(`\uFEFF${csv}`, {
    headers: {
      ...NOT_KEPT,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-trail-${todayInLondon()}.csv"`,
    },
  });
}
