// Finds a Chromium for the end-to-end tests: CHROME_PATH, or Debian's chromium (installed with
// apt-get, together with a Japanese font, when missing and running as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function hasJapaneseFont() {
  const result = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

function aptInstall(packages) {
  console.log(`Installing ${packages.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

const canApt = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  let found = CANDIDATES.find((path) => existsSync(path));
  const missing = [];
  if (!found) missing.push('chromium');
  if (!hasJapaneseFont()) missing.push('fonts-ipafont-gothic');
  if (missing.length > 0 && canApt()) {
    aptInstall(missing);
    found = CANDIDATES.find((path) => existsSync(path));
  }
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one, for example on Debian/Ubuntu:\n' +
        '  sudo apt-get install chromium fonts-ipafont-gothic\n' +
        'or set CHROME_PATH to a Chromium or Chrome executable.',
    );
  }
  if (!hasJapaneseFont()) {
    console.warn('Warning: no Japanese font is installed (fonts-ipafont-gothic); screenshots will show boxes instead of Japanese text.');
  }
  return found;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
