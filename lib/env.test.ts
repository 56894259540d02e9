import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const anchorKeyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'env-test-')), 'anchor.pem');
writeFileSync(anchorKeyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
const SETTINGS = {
  SMTP_URL: 'smtp://mail.example.org:587',
  AUTH_SECRET: 'x'.repeat(32),
  APP_URL: 'https://index.example.gov.uk',
  AUDIT_ANCHOR_KEY_FILE: anchorKeyFile,
};

/** Loads next.config.js as `next start` does, in a process with only these settings; what it printed, and its exit code. */
function loadConfig(settings: Record<string, string>, phase = 'phase-production-server') {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `const { default: config } = await import('./next.config.js'); config('${phase}');`], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', ...settings },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the service settings', () => {
  for (const missing of Object.keys(SETTINGS)) {
    it(`refuses to start without ${missing} outside demo mode, naming it`, () => {
      const { [missing]: _left, ...others } = SETTINGS as Record<string, string>;
      const { status, output } = loadConfig(others);
      expect(status).not.toBe(0);
      expect(output).toContain(`${missing} is not set`);
      for (const present of Object.keys(others)) expect(output).not.toContain(`${present} is not set`);
    });
  }

  it('starts with all four, or in demo mode with none of them; a build needs none', () => {
    expect(loadConfig(SETTINGS).status).toBe(0);
    expect(loadConfig({ DEMO_MODE: 'true' }).status).toBe(0);
    expect(loadConfig({}, 'phase-production-build').status).toBe(0);
  });

  it('takes APP_URL only as an address without a path', () => {
    const { status, output } = loadConfig({ ...SETTINGS, APP_URL: 'https://index.example.gov.uk/portal' });
    expect(status).not.toBe(0);
    expect(output).toContain('APP_URL must be the service’s http(s) address without a path');
  });
});
