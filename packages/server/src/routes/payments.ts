/**
 * Payments for <muni-payment-button>: create a payment (the answer carries the platform's pay
 * page to redirect to), ask for its status when the citizen comes back, and find payments by
 * Kassenzeichen when the tab was closed. The browser never talks to the platform.
 *
 * The payment's id and pay page are the payer's capability: only the creating request's answer
 * carries them. Whoever knows just the Kassenzeichen learns status, amount and dates.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses, ProblemError, ProblemSchema, PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { checkReturnUrl } from '../http/return-url.js';
import { API_TAGS } from '../openapi/document.js';
import {
  createPayment,
  findPayment,
  paymentsByReference,
  paymentSummary,
  paymentView,
  refreshPayment,
  type PaymentContext,
} from '../payments/payments.js';
import { DESCRIPTION_MAX, PURPOSE_MAX, PURPOSE_PATTERN, REFERENCE_PATTERN } from '../payments/platform.js';
import { PaymentSchema, PaymentSummarySchema } from '../payments/schemas.js';
import type { RouteDeps } from './deps.js';

const TAG = API_TAGS.payments.name;
/** Payments listed for one Kassenzeichen, newest first. */
const REFERENCE_LIST_LIMIT = 10;

const ReferenceSchema = z
  .string()
  .regex(REFERENCE_PATTERN)
  .openapi({ description: 'Kassenzeichen: 1–36 Zeichen A–Z, a–z, 0–9 und -', example: '4711-2026-000123' });

const AlreadyPaidProblem = ProblemSchema.extend({
  payment: PaymentSummarySchema.optional().openapi({ description: 'Bei `payment_already_paid`: die bezahlte Zahlung (Quittung)' }),
}).openapi('PaymentConflictProblem');

const CreatePaymentBody = z
  .object({
    amountCents: z.number().int().min(1).max(1_000_000).openapi({ description: 'Betrag in Cent, höchstens 10.000 €', example: 2500 }),
    currency: z.literal('EUR'),
    purpose: z
      .string()
      .trim()
      .min(1)
      .max(PURPOSE_MAX)
      .regex(PURPOSE_PATTERN, 'Erlaubt sind Buchstaben (auch Umlaute und ß), Ziffern, Leerzeichen und / - ? : ( ) . , \' +')
      .openapi({ description: `Verwendungszweck, höchstens ${PURPOSE_MAX} Zeichen aus dem SEPA-Zeichensatz mit Umlauten`, example: 'Hundesteuer 2026' }),
    reference: ReferenceSchema,
    description: z
      .string()
      .trim()
      .max(DESCRIPTION_MAX)
      // eslint-disable-next-line no-control-regex
      .regex(/^[^\u0000-\u001f\u007f]*$/, 'Steuerzeichen sind nicht erlaubt.')
      .optional()
      .openapi({ description: 'Beschreibung für die Bezahlseite' }),
    returnUrl: z.url().max(2000).openapi({ description: 'Seite mit dem Widget; Ursprung muss erlaubt sein (CORS_ORIGINS oder dieser Server)' }),
  })
  .strict();

/** Required here: a payment without a key could be charged twice by a retried request. */
const PaymentKeyHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,128}$/)
    .openapi({
      description:
        'Pflicht. Zufälliger Schlüssel je Zahlung (8–128 Zeichen A–Z, a–z, 0–9, _ und -), der ein Neuladen der Seite übersteht. ' +
        'Jede Wiederholung mit demselben Schlüssel gehört zu derselben Zahlung; es entsteht nie eine zweite.',
      example: '5f0c6c1e-8a4b-4d7e-9a57-1c2b3d4e5f60',
    }),
});

const createPaymentRoute = (idempotent: MiddlewareHandler<AppEnv>) =>
  createRoute({
    method: 'post',
    path: '/payments',
    operationId: 'createPayment',
    tags: [TAG],
    summary: 'Zahlung anlegen (liefert die Bezahlseite)',
    description:
      'Legt die Zahlung beim Bezahldienst an. Der Browser wird in demselben Tab zu `payUrl` geleitet und kommt danach zu ' +
      '`returnUrl#muni-payment=<id>` zurück; den Ausgang liefert nur GET /payments/{id}. Antwortet der Bezahldienst nicht ' +
      '(504) oder ist er gestört (503), wurde nichts abgebucht: dieselbe Anfrage mit demselben Idempotency-Key später wiederholen.\n\n' +
      'Keine doppelte Zahlung: Ein Kassenzeichen hat höchstens eine offene oder bezahlte Zahlung, auch bei gleichzeitigen Anfragen ' +
      'über mehrere Server. Ist es bezahlt, antwortet der Server 409 `payment_already_paid` mit der Quittung in `payment`. Ist eine ' +
      'Zahlung offen, die ein anderer Browser (anderer Idempotency-Key) begonnen hat, antwortet er 200 mit deren Stand ' +
      '(`PaymentSummary`, ohne Bezahlseite). Abgelaufene, fehlgeschlagene und abgebrochene Zahlungen geben das Kassenzeichen frei. ' +
      'Kassenzeichen, die mehrmals bezahlt werden dürfen, nennt der Betreiber in PAYMENT_REPEATABLE_REFERENCES.',
    middleware: [idempotent] as const,
    request: {
      headers: PaymentKeyHeaders,
      body: { required: true, content: { 'application/json': { schema: CreatePaymentBody } } },
    },
    responses: {
      201: { description: 'Angelegt (oder die zu diesem Schlüssel schon angelegte Zahlung)', content: { 'application/json': { schema: PaymentSchema } } },
      200: {
        description: 'Zu diesem Kassenzeichen ist schon eine Zahlung offen, von einem anderen Browser begonnen: ihr Stand, keine neue Zahlung',
        content: { 'application/json': { schema: PaymentSummarySchema } },
      },
      ...problemResponses('validation', 'idempotency_conflict', 'payment_platform_rejected', 'payment_platform_unavailable', 'payment_platform_timeout'),
      409: {
        description:
          '`payment_already_paid`: das Kassenzeichen ist bezahlt (Quittung in `payment`); `idempotency_in_progress`: dieselbe Anfrage läuft noch; ' +
          '`conflict`: gerade wird eine andere Zahlung zu diesem Kassenzeichen angelegt, gleich erneut versuchen',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: AlreadyPaidProblem } },
      },
    },
  });

const getPaymentRoute = createRoute({
  method: 'get',
  path: '/payments/{id}',
  operationId: 'getPayment',
  tags: [TAG],
  summary: 'Stand einer Zahlung (fragt den Bezahldienst)',
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { description: 'Die Zahlung', content: { 'application/json': { schema: PaymentSchema } } },
    ...problemResponses('validation', 'not_found'),
  },
});

const listPaymentsRoute = createRoute({
  method: 'get',
  path: '/payments',
  operationId: 'listPaymentsByReference',
  tags: [TAG],
  summary: 'Zahlungen zu einem Kassenzeichen',
  description:
    `Für den Fall, dass der Tab geschlossen wurde: Stand, Betrag und Zeitpunkte der letzten ${REFERENCE_LIST_LIMIT} Zahlungen zu diesem ` +
    'Kassenzeichen, neueste zuerst. Ohne Kennung, Beschreibung, Transaktionsnummer und Bezahlseite: das Kassenzeichen ist kein Geheimnis.',
  request: { query: z.object({ reference: ReferenceSchema.openapi({ param: { name: 'reference', in: 'query' } }) }) },
  responses: {
    200: {
      description: 'Neueste zuerst; leer, wenn es keine gibt',
      content: { 'application/json': { schema: z.object({ payments: z.array(PaymentSummarySchema) }).openapi('PaymentList') } },
    },
    ...problemResponses('validation'),
  },
});

export function paymentRoutes({ db, clock, logger, config, idempotent, paymentPlatform }: RouteDeps) {
  const lifetime = config.payments.lifetimeMinutes;
  const context = (c: Context): PaymentContext => ({
    db,
    now: clock(),
    lifetimeMinutes: lifetime,
    logger,
    platform: paymentPlatform(c),
    repeatableReferences: config.payments.repeatableReferences,
  });

  return new OpenAPIHono<AppEnv>()
    .openapi(createPaymentRoute(idempotent), async (c) => {
      const body = c.req.valid('json');
      const key = c.req.valid('header')['Idempotency-Key'];
      // The platform sends the citizen back to `returnUrl`.
      checkReturnUrl(c, body.returnUrl, config);
      const outcome = await createPayment(context(c), key, body);
      c.header('Cache-Control', 'no-store');
      if ('heldElsewhere' in outcome) return c.json(outcome.heldElsewhere, 200);
      c.header('Location', `/api/v1/payments/${outcome.own.id}`);
      return c.json(paymentView(outcome.own, lifetime), 201);
    })
    .openapi(getPaymentRoute, async (c) => {
      const { id } = c.req.valid('param');
      const stored = await findPayment(db, id);
      if (!stored) throw new ProblemError('not_found', 'Diese Zahlung gibt es nicht.');
      const { row, unknown } = await refreshPayment(context(c), stored);
      c.header('Cache-Control', 'no-store');
      return c.json(paymentView(row, lifetime, { unknown }), 200);
    })
    .openapi(listPaymentsRoute, async (c) => {
      const { reference } = c.req.valid('query');
      const ctx = context(c);
      const rows = await paymentsByReference(db, reference, REFERENCE_LIST_LIMIT);
      const payments = [];
      // One after another: a slow platform is asked at most REFERENCE_LIST_LIMIT times, never in a burst.
      for (const stored of rows) {
        const { row, unknown } = await refreshPayment(ctx, stored);
        payments.push(paymentSummary(row, lifetime, { unknown }));
      }
      c.header('Cache-Control', 'no-store');
      return c.json({ payments }, 200);
    });
}
