import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { citizenEmail } from './support/citizen';
import { expect, test } from './support/fixtures';
import { receivedEmails } from './support/mailbox';

const root = path.resolve(import.meta.dirname, '..');
const appPort = Number(process.env.E2E_PORT ?? 3210);
const otherPort = appPort + 1;
const SIGN_IN_SUBJECT = 'Your link to sign in to the Children’s Index';

/** The database the e2e server was given (e2e/support/start-server.ts), or a fresh embedded one. */
function databaseSettings(): Record<string, string> {
  if (!process.env.DATABASE_URL) return { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'e2e-demo-mode-')) };
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `${url.pathname}_e2e`;
  return { DATABASE_URL: url.toString() };
}

/**
 * A second start of the built app (`npm start`: server.js) with exactly these settings (nothing inherited but PATH and HOME): its
 * exit code if it stopped, or `stop` once it answers /api/health.
 */
async function startApp(settings: Record<string, string>) {
  const server = spawn(process.execPath, [path.join(root, 'server.js')], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, NODE_ENV: 'production', PORT: String(otherPort), ...databaseSettings(), ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((resolve) => server.on('exit', (code) => resolve(code ?? 1)));
  const answering = (async () => {
    for (;;) {
      if (await fetch(`http://localhost:${otherPort}/api/health`).then((r) => r.ok, () => false)) return 'answering' as const;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const outcome = await Promise.race([exited, answering]);
  return {
    exitCode: outcome === 'answering' ? null : outcome,
    output: () => output,
    stop: async () => {
      server.kill('SIGTERM');
      await exited;
    },
  };
}

const SERVICE_SETTINGS = { SMTP_URL: 'smtp://127.0.0.1:2525', AUTH_SECRET: 'e2e-only-secret-e2e-only-secret-e2e-only', APP_URL: `http://localhost:${otherPort}` };

test.describe('[SECURITY] demo mode is explicit', () => {
  test.describe.configure({ timeout: 180_000 });

  for (const missing of Object.keys(SERVICE_SETTINGS) as (keyof typeof SERVICE_SETTINGS)[]) {
    test(`a production start without the demo switch refuses to start without ${missing}, and says so`, async () => {
      const settings: Record<string, string> = { ...SERVICE_SETTINGS };
      delete settings[missing];
      const app = await startApp(settings);
      if (app.exitCode === null) await app.stop();
      expect(app.exitCode, 'the app started').not.toBeNull();
      expect(app.exitCode).not.toBe(0);
      expect(app.output()).toContain(`${missing} is not set`);
    });
  }

  test('outside demo mode there is no mailbox', async ({ request }) => {
    expect((await request.get('/dev-mailbox')).status()).toBe(404);
    expect((await request.get('/dev-mailbox/x.eml/0')).status()).toBe(404);
  });

  test('in demo mode the mailbox answers this machine and says it is a demo', async ({ request }) => {
    // Without jobs: this second app must not take the e2e server's queued mail.
    const app = await startApp({ DEMO_MODE: 'true', JOBS_IN_APP: 'false', AUTH_SECRET: SERVICE_SETTINGS.AUTH_SECRET, APP_URL: SERVICE_SETTINGS.APP_URL });
    try {
      expect(app.exitCode, app.output()).toBeNull();
      const mailbox = await request.get(`http://localhost:${otherPort}/dev-mailbox`);
      expect(mailbox.status()).toBe(200);
      const html = await mailbox.text();
      expect(html).toContain('<h1 class="govuk-heading-l">Demo mailbox</h1>');
      expect(html).toContain('This is a demonstration (DEMO_MODE)');
    } finally {
      await app.stop();
    }
  });
});

test.describe('[SECURITY] links in email come from APP_URL', () => {
  test('[CITIZEN] a sign-in asked for under a forged Host and X-Forwarded-Host still emails a link to APP_URL', async ({ request, baseURL }) => {
    // The form as a browser without JavaScript posts it, hidden fields naming the server action included.
    const html = await (await request.get('/portal/sign-in')).text();
    const form = /<main[\s\S]*?(<form[\s\S]*?<\/form>)/.exec(html)![1]!;
    const hidden = Object.fromEntries(
      [...form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [name!, (value ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')]),
    );
    expect(Object.keys(hidden).join()).toContain('$ACTION');
    const victim = citizenEmail('forged-host');
    const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' };
    const response = await request.post('/portal/sign-in', { multipart: { ...hidden, email: victim }, headers: forged, maxRedirects: 0 });
    expect(response.status()).toBeLessThan(500);

    let link = '';
    await expect
      .poll(() => {
        const mail = receivedEmails().find((e) => e.to.includes(victim) && e.subject === SIGN_IN_SUBJECT);
        link = /https?:\/\/\S+/.exec(mail?.text ?? '')?.[0] ?? '';
        return link;
      })
      .not.toBe('');
    const appOrigin = new URL(baseURL!).origin;
    expect(new URL(link).origin).toBe(appOrigin);
    const callback = new URL(link).searchParams.get('callbackUrl');
    expect(callback === null || new URL(callback, appOrigin).origin === appOrigin, `callbackUrl ${callback}`).toBe(true);
    expect(link).not.toContain('evil.example');
  });
});
