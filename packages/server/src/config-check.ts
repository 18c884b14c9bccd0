/**
 * What a production start needs beyond a valid configuration (config.ts): every setting a city
 * must decide on, set or explicitly `off`, and the effective configuration for `--check-config`
 * with its secrets left out.
 */
import type { Config, OffSwitch } from './config.js';

const HTTPS_ONLY = 'production serves citizens over https only';

/** Every missing or unsafe setting of a production configuration; empty in development mode. */
export function productionProblems(config: Config): string[] {
  if (config.devMode) return [];
  const problems: string[] = [];
  const decide = (name: OffSwitch, set: boolean, consequence: string, example: string) => {
    if (!set && !config.switchedOff.has(name)) problems.push(`${name}: not set, ${consequence}; set ${example}, or ${name}=off to do without it`);
  };
  decide('SMTP_URL', config.mail.smtpUrl !== undefined, 'so no confirmation, reminder or loss-report mail is ever sent', 'smtps://user:password@mail.example.de');
  decide('PAYMENT_PLATFORM_URL', config.payments.platformUrl !== undefined, 'so <muni-payment-button> answers 503', "the payment platform's XBezahldienste base URL");
  decide(
    'CORS_ORIGINS',
    config.corsOrigins.length > 0,
    "so no page of the city's website on another origin can call the API (off: pages on this server's own origin only)",
    'the origins of the pages that embed widgets, e.g. https://www.musterstadt.example',
  );
  decide('FOUND_ITEMS_API_KEY', config.foundItems.apiKey !== undefined, "so the lost-property office's API answers 503", 'a secret of at least 24 characters');
  decide('QUEUE_STAFF_API_KEY', config.queue.staffApiKey !== undefined, "so the call system's staff desks answer 503", 'a secret of at least 24 characters');
  decide('QUEUE_KIOSK_API_KEY', config.queue.kioskApiKey !== undefined, 'so ticket kiosks answer 503', 'a secret of at least 24 characters');
  if (config.publicBaseUrl === undefined) {
    problems.push("PUBLIC_BASE_URL: not set, so links in mails would point at whatever Host header a request carried; set the server's public https address, e.g. https://termine.musterstadt.example");
  } else if (!config.publicBaseUrl.startsWith('https://')) {
    problems.push(`PUBLIC_BASE_URL: ${config.publicBaseUrl} is not https; ${HTTPS_ONLY}`);
  }
  for (const origin of config.corsOrigins.filter((entry) => !entry.startsWith('https://'))) {
    problems.push(`CORS_ORIGINS: ${origin} is not https; ${HTTPS_ONLY}`);
  }
  if (config.database.kind === 'pglite' && !config.pgliteInProduction) {
    problems.push(
      'DATABASE_URL: not set, so the data would live in PGlite (one process, no second instance, backups only of the stopped directory); set postgres://user:password@host/db, or PGLITE_IN_PRODUCTION=on to accept that',
    );
  }
  return problems;
}

export function productionProblemsMessage(problems: readonly string[]): string {
  return [
    `Refusing to start in production (MUNI_DEV_MODE is not on): ${problems.length} setting${problems.length === 1 ? '' : 's'} missing or unsafe:`,
    ...problems.map((problem) => `  - ${problem}`),
    'See "Production" in packages/server/README.md; `muni-widgets-server --check-config` shows the effective configuration. For a local try-out: MUNI_DEV_MODE=on.',
  ].join('\n');
}

/** The configuration as the server will use it, every secret replaced by "(set)". */
export function describeConfig(config: Config): unknown {
  return JSON.parse(
    JSON.stringify(config, (key, value: unknown) => {
      if (value instanceof Set) return [...value];
      if (typeof value !== 'string') return value;
      if (/apikey|secret|password/i.test(key)) return '(set)';
      return withoutPassword(value);
    }),
  );
}

/**
 * postgres://muni:geheim@db/muni?sslpassword=x → postgres://muni:(set)@db/muni?sslpassword=(set):
 * the password in the user info and every query parameter that names a secret (libpq takes
 * `password`, `sslpassword` there too).
 */
function withoutPassword(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || !URL.canParse(value)) return value;
  const url = new URL(value);
  const secretParams = [...url.searchParams.keys()].filter((name) => /pass|secret|key|token/i.test(name));
  if (url.password === '' && secretParams.length === 0) return value;
  if (url.password !== '') url.password = 'SET';
  for (const name of secretParams) url.searchParams.set(name, 'SET');
  return url.href.replace(':SET@', ':(set)@').replace(/=SET(?=&|#|$)/g, '=(set)');
}
