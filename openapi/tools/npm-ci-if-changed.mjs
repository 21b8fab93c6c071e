// Installs the contract tools (Prism, Spectral) with `npm ci`, but only when node_modules is
// missing or package-lock.json changed since the last install: a full `npm ci` takes 10-30 s.
// The lock's SHA-256 is stored in node_modules/ after a successful install.
//
//   node npm-ci-if-changed.mjs <root>               before the integration tests: install now, or
//                                                    wait for the early install below and check it
//   node npm-ci-if-changed.mjs <root> --background  at the start of the build (spawned, not awaited):
//                                                    install while Java compiles and the unit tests
//                                                    run, if the command line goes as far as the
//                                                    integration tests; output to target/npm-ci.log
//
// Only one install runs at a time: target/npm-ci.lock holds the installing process's id.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = process.argv[2] ?? process.cwd();
const background = process.argv.includes('--background');
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.package-lock.sha256');
const tools = ['prism', 'spectral'].map((name) => join(root, 'node_modules', '.bin', name));
const installLock = join(root, 'target', 'npm-ci.lock');
const backgroundLog = join(root, 'target', 'npm-ci.log');

const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
const installed = () => (existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '');
const upToDate = () => installed() === hash && tools.every((tool) => existsSync(tool));

if (upToDate()) {
  if (!background) console.log(`node_modules is up to date with package-lock.json (${hash.slice(0, 12)})`);
  process.exit(0);
}
// Maven's launcher exports its arguments; without them (another launcher) the install waits for
// the step before the integration tests, as it always did.
const phases = (process.env.MAVEN_CMD_LINE_ARGS ?? '').split(/\s+/);
const reachesIntegrationTests = ['integration-test', 'post-integration-test', 'verify', 'install', 'deploy']
  .some((phase) => phases.includes(phase));
if (background && !reachesIntegrationTests) {
  process.exit(0);
}

mkdirSync(join(root, 'target'), { recursive: true });
if (!acquireInstallLock()) {
  process.exit(0); // background: another install is running; the step before the ITs checks it
}
let status;
try {
  // The early install may have finished between the check above and the lock.
  status = upToDate() ? 0 : install();
} finally {
  unlinkSync(installLock);
}
if (status !== 0) {
  console.error(`npm ci failed (exit ${status})`);
  process.exit(1);
}

/** True once this process holds the lock; false only in background mode when another holds it. */
function acquireInstallLock() {
  for (;;) {
    try {
      const fd = openSync(installLock, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return true;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const holder = Number.parseInt(readFileSync(installLock, 'utf8'), 10);
    if (!alive(holder)) {
      unlinkSync(installLock); // left by an install that was killed
      continue;
    }
    if (background) return false;
    console.log(`waiting for the npm ci the build started early (pid ${holder}, log ${backgroundLog})`);
    while (existsSync(installLock) && alive(holder)) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
    if (upToDate()) {
      if (existsSync(backgroundLog)) process.stdout.write(readFileSync(backgroundLog, 'utf8'));
      console.log(`node_modules is up to date with package-lock.json (${hash.slice(0, 12)})`);
      process.exit(0);
    }
    // The early install failed: try again here, where its output reaches the build log.
  }
}

function alive(pid) {
  if (!Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function install() {
  const log = background ? openSync(backgroundLog, 'w') : 'inherit';
  const say = (line) => (background ? writeFileSync(log, `${line}\n`) : console.log(line));
  say(installed() ? 'package-lock.json changed: running npm ci' : 'node_modules missing: running npm ci');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // --prefer-offline: a fresh clone takes the packages from npm's cache when they are there,
  // without asking the registry about each one (the lock file pins every version anyway).
  const result = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', log, log],
    shell: process.platform === 'win32',
    // Scarf is a usage-analytics postinstall of a Prism dependency: keep the build offline-quiet.
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
  });
  const status = result.status ?? 1;
  if (status === 0) writeFileSync(stamp, `${hash}\n`);
  else say(`npm ci failed (exit ${result.status ?? result.signal})`);
  if (background) closeSync(log);
  return status;
}
