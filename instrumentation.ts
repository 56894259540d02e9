// Next.js calls register() once when the server starts: the job worker starts with the app.
export async function register() {
  // eslint-disable-next-line no-restricted-syntax -- set by Next.js itself for each runtime, not configuration
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startAppWorker } = await import('./lib/jobs/start-app-worker');
  await startAppWorker();
}
