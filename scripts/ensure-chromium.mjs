// Tests run in Debian's Chromium, never a downloaded browser. Install it when missing and allowed.
import { execFileSync } from 'node:child_process';
import { chromiumPath } from './chromium-path.js';

export function ensureChromium() {
  const found = chromiumPath();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error('Chromium is missing. Install it with: sudo apt-get update && sudo apt-get install -y chromium');
    process.exit(1);
  }
  console.log('Chromium is missing: installing Debian\'s chromium package …');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = chromiumPath();
  if (!installed) throw new Error('Chromium install finished, but no binary was found');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
