import { checkDatabase } from '@/lib/health/check-database';

export const dynamic = 'force-dynamic';

/** For load balancers and the demo launcher: is the app up, and can it reach its database? */
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database ? 'ok' : 'unavailable', database: database ? 'ok' : 'unavailable' }, {
    status: database ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
