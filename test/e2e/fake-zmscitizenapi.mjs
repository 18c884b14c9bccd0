// A stand-in for it-at-m/eappointment's zmscitizenapi, as a city's proxy exposes it next to
// the widget page (same origin: the real API sends no CORS headers). It answers in the shapes
// of the provider's fixtures (extracts of zmscitizenapi's controller tests) and enforces the
// rules that decide whether a real citizen gets an appointment: captcha tokens (ALTCHA, an
// IP-bound HS256 JWT for 300 s) on available-calendar and reserve for captcha offices, 4/64-hex
// authKeys, reserved -> preconfirmed -> confirmed, reservations deleted by "cron" (404
// appointmentNotFound), 409 processNotPreconfirmedAnymore, ValidationService's field rules with
// their errorCodes, and 60 requests a minute per IP whose window restarts with every request.
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

export const API_PATH = '/buergeransicht/api/citizen/';
const ROOT = new URL('../../', import.meta.url).pathname;

/** The same fixture module the provider's component tests use, compiled for Node. */
async function loadFixtures() {
  const out = await build({ entryPoints: [join(ROOT, 'packages/appointment-picker/test/fixtures/zms/responses.ts')], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

const PHONE = /^\+?[0-9]\d{6,14}$/;
const EMAIL = /^(?!.*\.\.)(?!\.)(?!.*\.$)[^\s@+]+(?<!\.)@(?!\.)[^\s@+]+\.[^\s@]{2,}$/;
const AUTH_KEY = /^(?:[0-9a-fA-F]{4}|[0-9a-fA-F]{64})$/;
const TOKEN_SECONDS = 300;
const b64url = (value) => Buffer.from(value).toString('base64url');

export async function startFakeZms({ page, rateLimit = 60 } = {}) {
  const fx = await loadFixtures();
  const secret = randomBytes(32);
  const processes = new Map();
  const hits = new Map();
  const mails = [];
  const requests = [];
  let nextId = 200001;
  let cancelRefusals = 0;
  let server;
  const baseUrl = () => `http://127.0.0.1:${server.address().port}`;

  const error = (code) => {
    const e = Object.values(fx.errors).flatMap((b) => b.errors).find((x) => x.errorCode === code) ?? { errorCode: code, statusCode: 400, errorMessage: code, errorType: 'error' };
    return { status: e.statusCode, body: { errors: [e] } };
  };
  const office = (id) => fx.officesAndServices.offices.find((o) => o.id === Number(id));

  const jwt = (payload) => {
    const head = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${b64url(JSON.stringify(payload))}`;
    return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
  };
  function captchaProblem(officeIds, token, ip) {
    if (!officeIds.some((id) => office(id)?.scope.captchaActivatedRequired)) return undefined;
    if (!token) return error('captchaMissing');
    const [head, payload, sig] = String(token).split('.');
    if (!sig || createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url') !== sig) return error('captchaInvalid');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    if (claims.exp < Date.now() / 1000) return error('captchaExpired');
    if (claims.ip !== ip) return error('captchaInvalid');
    return undefined;
  }

  /** Three start times a weekday for the next two weeks, at every office offering the services. */
  function freeTimes(officeId, from, to) {
    const taken = new Set([...processes.values()].filter((p) => p.officeId === officeId).map((p) => p.timestamp));
    const days = [];
    for (let d = 1; d <= 14; d++) {
      const day = new Date(Date.now() + d * 86_400_000);
      const date = day.toISOString().slice(0, 10);
      if (date < from || date > to || day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
      const base = Date.parse(`${date}T08:00:00Z`) / 1000;
      const times = [base, base + 1200, base + 3600].filter((t) => !taken.has(t));
      if (times.length) days.push({ date, times });
    }
    return days;
  }

  function view(p) {
    const service = fx.officesAndServices.services.find((s) => s.id === p.serviceIds[0]);
    return fx.process(p.status, {
      processId: p.processId,
      authKey: p.authKey,
      timestamp: String(p.timestamp),
      officeId: p.officeId,
      scope: office(p.officeId).scope,
      serviceId: service.id,
      serviceName: service.name,
      serviceCount: p.serviceCounts[0],
      subRequestCounts: p.serviceIds.slice(1).map((id, i) => ({ id, name: fx.officesAndServices.services.find((s) => s.id === id)?.name, count: p.serviceCounts[i + 1] })),
      familyName: p.familyName ?? null,
      email: p.email ?? null,
      telephone: p.telephone ?? null,
      customTextfield: p.customTextfield ?? null,
      customTextfield2: null,
      captchaToken: null,
    });
  }

  /** AppointmentByIdController & co.: id and key checked before anything is read. */
  function owned(processId, authKey) {
    if (!AUTH_KEY.test(String(authKey ?? ''))) return { fail: error('invalidAuthKey') };
    const p = processes.get(Number(processId));
    if (!p) return { fail: error('appointmentNotFound') };
    if (p.authKey !== authKey) return { fail: error('authKeyMismatch') };
    return { p };
  }

  function mail(p, kind) {
    const link = fx.mailLink(p.processId, p.authKey);
    mails.push({ to: p.email, kind, link: `${baseUrl()}${page}#/appointment/${kind === 'preconfirmed' ? 'confirm/' : ''}${link}` });
  }

  const routes = {
    'GET offices-and-services/': () => ({ status: 200, body: fx.officesAndServices }),
    'GET captcha-challenge/': async () => ({
      status: 200,
      body: await createChallenge({ algorithm: 'SHA-256', cost: 1, keyPrefix: '00', deriveKey, hmacSignatureSecret: secret.toString('hex'), expiresAt: new Date(Date.now() + 600_000) }),
    }),
    'POST captcha-verify/': async ({ body, ip }) => {
      let payload;
      try {
        payload = JSON.parse(Buffer.from(String(body.payload), 'base64').toString());
      } catch {
        return { status: 200, body: { meta: { success: false, error: 'Payload could not be decoded' }, data: null } };
      }
      const result = await verifySolution({ ...payload, deriveKey, hmacSignatureSecret: secret.toString('hex') }).catch(() => ({ verified: false }));
      if (!result.verified) return { status: 200, body: fx.captchaRefused };
      const now = Math.floor(Date.now() / 1000);
      return { status: 200, body: { ...fx.captchaVerified, token: jwt({ ip, iat: now, exp: now + TOKEN_SECONDS }) } };
    },
    'GET available-calendar/': ({ query, ip }) => {
      const officeIds = String(query.get('officeIds') ?? '').split(',').filter(Boolean).map(Number);
      const captcha = captchaProblem(officeIds, query.get('captchaToken'), ip);
      if (captcha) return captcha;
      const from = query.get('startDate');
      const to = query.get('endDate');
      const byDate = new Map();
      for (const id of officeIds) {
        for (const { date, times } of freeTimes(id, from, to)) {
          if (!byDate.has(date)) byDate.set(date, []);
          byDate.get(date).push({ officeId: String(id), appointments: times });
        }
      }
      if (byDate.size === 0) return error('noAppointmentForThisDay');
      const availableDays = [...byDate].sort().map(([date, offices]) => ({ date, providerIDs: offices.map((o) => o.officeId).join(','), offices }));
      return { status: 200, body: { ...fx.calendar, startDate: from, endDate: to, availableDays } };
    },
    'POST reserve-appointment/': ({ body, ip }) => {
      const captcha = captchaProblem([body.officeId], body.captchaToken, ip);
      if (captcha) return captcha;
      const free = freeTimes(body.officeId, '0000', '9999').some((d) => d.times.includes(body.timestamp));
      if (!free) return error('appointmentNotAvailable');
      const p = {
        processId: nextId++,
        authKey: randomBytes(32).toString('hex'),
        officeId: body.officeId,
        timestamp: body.timestamp,
        serviceIds: body.serviceId,
        serviceCounts: body.serviceCount,
        status: 'reserved',
      };
      processes.set(p.processId, p);
      return { status: 200, body: view(p) };
    },
    'POST update-appointment/': ({ body }) => {
      const { p, fail } = owned(body.processId, body.authKey);
      if (fail) return fail;
      if (p.status !== 'reserved') return error('processNotReservedAnymore');
      const scope = office(p.officeId).scope;
      const errors = [];
      if (!String(body.familyName ?? '').trim()) errors.push('invalidFamilyName');
      if (!EMAIL.test(String(body.email ?? ''))) errors.push('invalidEmail');
      if (body.telephone && !PHONE.test(body.telephone)) errors.push('invalidTelephone');
      if (scope.customTextfieldActivated && scope.customTextfieldRequired && !String(body.customTextfield ?? '').trim()) errors.push('invalidCustomTextfield');
      if (errors.length) return { status: 400, body: { errors: errors.map((c) => error(c).body.errors[0]) } };
      if (scope.telephoneRequired && !body.telephone) return error('telephoneIsRequired');
      Object.assign(p, { familyName: body.familyName, email: body.email, telephone: body.telephone, customTextfield: body.customTextfield });
      return { status: 200, body: view(p) };
    },
    'POST preconfirm-appointment/': ({ body }) => {
      const { p, fail } = owned(body.processId, body.authKey);
      if (fail) return fail;
      if (p.status !== 'reserved') return error('processNotReservedAnymore');
      p.status = 'preconfirmed';
      mail(p, 'preconfirmed');
      return { status: 200, body: view(p) };
    },
    'POST confirm-appointment/': ({ body }) => {
      const { p, fail } = owned(body.processId, body.authKey);
      if (fail) return fail;
      if (p.status === 'confirmed') return error('processNotPreconfirmedAnymore');
      p.status = 'confirmed';
      mail(p, 'confirmation');
      return { status: 200, body: view(p) };
    },
    'POST cancel-appointment/': ({ body }) => {
      const { p, fail } = owned(body.processId, body.authKey);
      if (fail) return fail;
      if (cancelRefusals > 0 && cancelRefusals--) return error('appointmentCanNotBeCanceled');
      processes.delete(p.processId);
      return { status: 200, body: view({ ...p, status: 'deleted' }) };
    },
    'GET appointment/': ({ query }) => {
      const { p, fail } = owned(query.get('processId'), query.get('authKey'));
      return fail ?? { status: 200, body: view(p) };
    },
  };

  async function handle(req, res) {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(API_PATH)) return serveStatic(url.pathname, res);
    const ip = req.socket.remoteAddress;
    const route = `${req.method} ${url.pathname.slice(API_PATH.length)}`;
    requests.push(route);
    // RateLimitingMiddleware: a per-IP count whose window restarts with every request, no Retry-After.
    const hit = hits.get(ip);
    const count = hit && Date.now() - hit.at < 60_000 ? hit.count + 1 : 1;
    hits.set(ip, { count, at: Date.now() });
    let answer;
    if (count > rateLimit) answer = error('rateLimitExceeded');
    else if (!routes[route]) answer = { status: 404, body: { errors: [{ errorCode: 'notFound', statusCode: 404, errorMessage: 'Not found', errorType: 'error' }] } };
    else {
      let body = {};
      if (req.method === 'POST') {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      }
      answer = await routes[route]({ body, query: url.searchParams, ip });
    }
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }

  async function serveStatic(pathname, res) {
    const file = normalize(join(ROOT, 'dist', pathname)).startsWith(join(ROOT, 'dist')) ? join(ROOT, 'dist', pathname) : undefined;
    const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json', '.css': 'text/css' };
    try {
      const data = pathname === page ? pageHtml() : await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(pathname)] ?? 'application/octet-stream' });
      res.end(data);
    } catch {
      res.writeHead(404).end();
    }
  }

  const pageHtml = () => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Termin buchen</title><link rel="icon" href="data:,">
<script type="module" src="/cdn/muni-appointment-picker.js"></script></head>
<body><main><h1>Termin im Bürgerbüro</h1>
<muni-appointment-picker api="zms" backend-url="${API_PATH}"></muni-appointment-picker></main></body></html>`;

  server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ errorCode: 'internalError', statusCode: 500, errorMessage: String(e), errorType: 'error' }] }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    get url() {
      return baseUrl();
    },
    mails,
    requests,
    processes,
    /** The cron job that deletes reservations past their reservationDuration. */
    expireReservations() {
      for (const [id, p] of processes) if (p.status === 'reserved') processes.delete(id);
    },
    /** The next `n` cancellations answer 406 appointmentCanNotBeCanceled (a scope that forbids late cancelling). */
    refuseCancels(n) {
      cancelRefusals = n;
    },
    /** Lets the next `n` requests pass before answering 429. */
    limitAfter(n) {
      rateLimit = n;
      hits.clear();
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
