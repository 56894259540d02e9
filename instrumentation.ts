// Next.js calls register() once when the server starts: the job worker starts with the app.
export async function register() {
  // eslint-disable-next-line no-restricted-syntax -- set by Next.js itself for each runtime, not configuration
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env.js');
  if (env.NODE_ENV === 'production' && !(globalThis as { __childrensIndexWebServer?: boolean }).__childrensIndexWebServer) {
    // `next start` keeps a client's own X-Forwarded-For, so every address the throttle and the audit trail saw could be forged.
    console.error('Start the service with `npm start` (server.js), not `next start`: only server.js records the client’s real address.');
    process.exit(1);
  }
  // What a page that failed shows without JavaScript (patches/next+16.4.6.patch).
  const { SERVICE_PROBLEM_BODY } = await import('./app/_components/service-problem-html');
  (globalThis as { __childrensIndexErrorBody?: string }).__childrensIndexErrorBody = SERVICE_PROBLEM_BODY;
  const { startAppWorker } = await import('./lib/jobs/start-app-worker');
  await startAppWorker();
}
