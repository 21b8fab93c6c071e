// Installs the contract tools (Prism, Spectral) with `npm ci`, but only when node_modules is
// missing or package-lock.json changed since the last install: a full `npm ci` takes 10-30 s.
// The lock's SHA-256 is stored in node_modules/ after a successful install.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = process.argv[2] ?? process.cwd();
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.package-lock.sha256');
const tools = ['prism', 'spectral'].map((name) => join(root, 'node_modules', '.bin', name));

const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (installed === hash && tools.every((tool) => existsSync(tool))) {
  console.log(`node_modules is up to date with package-lock.json (${hash.slice(0, 12)})`);
  process.exit(0);
}

console.log(installed ? 'package-lock.json changed: running npm ci' : 'node_modules missing: running npm ci');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// --prefer-offline: a fresh clone takes the packages from npm's cache when they are there,
// without asking the registry about each one (the lock file pins every version anyway).
const result = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  // Scarf is a usage-analytics postinstall of a Prism dependency: keep the build offline-quiet.
  env: { ...process.env, SCARF_ANALYTICS: 'false' },
});
if (result.status !== 0) {
  console.error(`npm ci failed (exit ${result.status ?? result.signal})`);
  process.exit(1);
}
writeFileSync(stamp, `${hash}\n`);
