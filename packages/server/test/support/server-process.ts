import { spawn, type ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));

/**
 * Real server processes on one database, as a load balancer would run several. Registers an
 * `after` hook in the calling suite that stops them; `start` resolves with a process's URL.
 */
export function serverProcesses(): { start(databaseUrl: string, env?: Record<string, string>): Promise<{ url: string; child: ChildProcess }> } {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) child.kill('SIGTERM');
  });
  return {
    start(databaseUrl, env = {}) {
      const child = spawn(process.execPath, [MAIN], {
        env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_ENABLED: 'false', LOG_LEVEL: 'warn', MUNI_DEV_MODE: 'on', ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      return new Promise((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
        child.stdout!.on('data', (chunk: Buffer) => {
          const match = /listening on (\S+)/.exec(String(chunk));
          if (match) resolve({ url: match[1]!, child });
        });
      });
    },
  };
}
