// A find that matches many loss reports (the 388): how long the office's registration
// takes, now that its mails are queued in its transaction instead of sent inside the request,
// and how fast the worker then delivers them to a real SMTP server on 127.0.0.1 (PGlite, in
// process; the reports are confirmed through the API first).
// Run: npx tsc -b packages/server/tsconfig.build.json && node bench/found-item-match-mails.mjs [reports]
import { loadConfig, startServer } from '@muni-widgets/server';
import { startSmtp } from '../packages/server/dist/test/support/smtp.js';

const OFFICE_KEY = 'dev-fundbuero-musterstadt-nicht-produktiv';

const REPORTS = Number(process.argv[2] ?? 388);

// The tests' real SMTP server; a delivered mail is one accepted message.
const smtp = await startSmtp();

const server = await startServer({
  config: loadConfig({
    MUNI_DEV_MODE: 'on',
    PORT: '0',
    HOST: '127.0.0.1',
    PGLITE_DATA_DIR: 'memory://',
    LOG_LEVEL: 'error',
    RATE_LIMIT_ENABLED: 'false',
    BOT_PROTECTION: 'false',
    SMTP_URL: smtp.url,
    MAIL_POLL_INTERVAL_MS: '100',
  }),
});
const api = (path, body, headers = {}) =>
  fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const outbox = async (to) => (await (await fetch(`${server.url}/api/dev/outbox?to=${encodeURIComponent(to)}`)).json()).items;
const lostOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

for (let i = 0; i < REPORTS; i++) {
  const email = `verlust-${i}@example.org`;
  const created = await api('/loss-reports', {
    category: 'geldboerse', colour: 'schwarz', description: 'Schwarze Lederbörse mit Druckknopf', lostOn, lostPlace: 'Hauptbahnhof',
    contact: { name: `Person ${i}`, email }, consent: true, returnUrl: `${server.url}/fundbuero.html`,
  });
  if (created.status !== 202) throw new Error(`loss report: ${created.status} ${await created.text()}`);
  const [mail] = await outbox(email);
  const token = /activate:([A-Za-z0-9_-]{43})/.exec(mail.text)[1];
  if ((await api('/loss-reports/activate', { token })).status !== 200) throw new Error('activation failed');
}
while (smtp.messages.length < 2 * REPORTS) await new Promise((resolve) => setTimeout(resolve, 50));
smtp.messages.length = 0;

const started = performance.now();
const registered = await api(
  '/office/found-items',
  { category: 'geldboerse', colour: 'schwarz', description: 'Schwarze Lederbörse mit Druckknopf', foundOn: lostOn, foundPlace: 'Hauptbahnhof' },
  { Authorization: `Bearer ${OFFICE_KEY}` },
);
const answered = performance.now();
const { notifiedLossReports } = await registered.json();
while (smtp.messages.length < notifiedLossReports) await new Promise((resolve) => setTimeout(resolve, 10));
const done = performance.now();

console.log(`registration matching ${notifiedLossReports} loss reports: ${(answered - started).toFixed(0)} ms until the answer`);
console.log(`delivery of ${notifiedLossReports} mails to SMTP afterwards: ${(done - answered).toFixed(0)} ms (${((notifiedLossReports / (done - answered)) * 1000).toFixed(0)} mails/s)`);
await server.close();
await smtp.stop();
