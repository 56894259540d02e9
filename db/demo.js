// npm run demo — the whole service on this machine with nothing but Node.js and npm: installs the locked
// dependencies if they are missing, prepares the embedded database (migrations, a synthetic population and demo
// accounts, only the first time), builds the app when its sources changed, and serves it on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.resolve(root, process.env.DATA_DIR || '.data');
const port = process.env.PORT || '3000';
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// A signing secret for sign-in sessions, made once and kept with the data.
mkdirSync(dataDir, { recursive: true });
const secretFile = path.join(dataDir, 'auth-secret');
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
const env = {
  DEMO_MODE: 'true',
  DATA_DIR: dataDir,
  AUTH_SECRET: process.env.AUTH_SECRET || readFileSync(secretFile, 'utf8').trim(),
  APP_URL: process.env.APP_URL || `http://localhost:${port}`,
  AUTH_TRUST_HOST: 'true',
};

run(bin('tsx'), ['--conditions=react-server', 'db/demo-setup.ts'], env);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}
const buildId = path.join(root, '.next', 'BUILD_ID');
// public/ is left out: next.config.js refreshes GOV.UK's assets there every time the app starts.
const sources = ['app', 'lib', 'db'].map((d) => path.join(root, d)).filter(existsSync);
const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const configs = ['package-lock.json', 'next.config.js'].map((f) => statSync(path.join(root, f)).mtimeMs);
if (Math.max(...sources.map(newestSource), ...configs) > built) {
  console.log('Building the app (next build)…');
  run(bin('next'), ['build'], { ...env, NODE_ENV: 'production' });
}

console.log(`\nChildren’s Index demo: http://localhost:${port}  (data in ${dataDir}; Ctrl+C to stop)\n`);
const server = spawn(bin('next'), ['start', '-p', port], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
