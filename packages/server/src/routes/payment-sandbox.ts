/**
 * The sandbox payment platform over HTTP, registered only in development mode with PAYMENT_SANDBOX not off:
 *
 *   POST /sandbox/xbezahldienste/paymenttransaction/{originatorId}/{endPointId}                  open a transaction
 *   GET  /sandbox/xbezahldienste/paymenttransaction/{originatorId}/{endPointId}/{transactionId}  its status
 *   GET  /sandbox/pay/{transactionId}/{payToken}, POST (form)                                    the pay page
 *
 * Outside /api and hidden from the widget API document: this is a stand-in for a platform of
 * the city's choosing, which the widgets never call; the API server calls it as a client.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { ProblemError } from '../http/problem.js';
import { publicBaseUrl } from '../http/public-url.js';
import { amountToCents, DESCRIPTION_MAX, MAX_ITEMS, PURPOSE_MAX, PURPOSE_PATTERN, REQUEST_ID_MAX } from '../payments/platform.js';
import { payPageCsp, renderPayPage } from '../payments/sandbox-page.js';
import {
  decideSandboxTransaction,
  findSandboxTransaction,
  openSandboxTransaction,
  SANDBOX_API_PREFIX,
  SANDBOX_METHODS,
  SANDBOX_PAY_PREFIX,
  sandboxOpen,
  sandboxPayToken,
  sandboxRequest,
  sandboxTransactionJson,
  type SandboxDecision,
  type SandboxTransactionRow,
} from '../payments/sandbox-platform.js';
import type { RouteDeps } from './deps.js';

const IdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);
const TRANSACTION_ID = /^sbx-[0-9a-f-]{36}$/;

const money = z.number().finite().refine((value) => amountToCents(value) !== undefined, 'Betrag in Euro mit höchstens zwei Nachkommastellen');

const ItemSchema = z.object({
  id: z.string().max(36).optional(),
  reference: z.string().max(36).optional(),
  description: z.string().max(DESCRIPTION_MAX).optional(),
  quantity: z.number().int().min(1).max(9999),
  taxRate: z.number().min(0).max(100).default(0),
  singleNetAmount: money.optional(),
  singleTaxAmount: money.optional(),
  totalNetAmount: money.pipe(z.number().min(0)),
  totalTaxAmount: money.pipe(z.number().min(0)).default(0),
});

const PaymentRequestSchema = z
  .object({
    requestId: z.string().min(1).max(REQUEST_ID_MAX).regex(/^[A-Za-z0-9_-]+$/),
    requestTimestamp: z.string().max(40).optional(),
    currency: z.literal('EUR'),
    grosAmount: money.pipe(z.number().positive().max(999_999.99)),
    purpose: z.string().min(1).max(PURPOSE_MAX).regex(PURPOSE_PATTERN),
    description: z.string().max(DESCRIPTION_MAX).optional(),
    redirectUrl: z.url({ protocol: /^https?$/ }).max(2000),
    items: z.array(ItemSchema).min(1).max(MAX_ITEMS),
    requestor: z.record(z.string(), z.unknown()).optional(),
  })
  .refine(
    (request) =>
      amountToCents(request.grosAmount) ===
      request.items.reduce((sum, item) => sum + (amountToCents(item.totalNetAmount) ?? 0) + (amountToCents(item.totalTaxAmount) ?? 0), 0),
    { path: ['grosAmount'], message: 'grosAmount ist nicht die Summe der Positionen (totalNetAmount + totalTaxAmount).' },
  );

const collectionParams = z.object({
  originatorId: IdSchema.openapi({ param: { name: 'originatorId', in: 'path' } }),
  endPointId: IdSchema.openapi({ param: { name: 'endPointId', in: 'path' } }),
});

const createTransactionRoute = createRoute({
  method: 'post',
  path: `${SANDBOX_API_PREFIX}/paymenttransaction/{originatorId}/{endPointId}`,
  hide: true,
  request: { params: collectionParams, body: { required: true, content: { 'application/json': { schema: PaymentRequestSchema } } } },
  responses: {
    200: { description: 'Already opened for this requestId', content: { 'application/json': { schema: z.object({}).passthrough() } } },
    201: { description: 'Opened', content: { 'application/json': { schema: z.object({}).passthrough() } } },
  },
});

const getTransactionRoute = createRoute({
  method: 'get',
  path: `${SANDBOX_API_PREFIX}/paymenttransaction/{originatorId}/{endPointId}/{transactionId}`,
  hide: true,
  request: {
    params: collectionParams.extend({ transactionId: z.string().max(100).openapi({ param: { name: 'transactionId', in: 'path' } }) }),
  },
  responses: { 200: { description: 'The transaction', content: { 'application/json': { schema: z.object({}).passthrough() } } } },
});

export function paymentSandboxRoutes({ db, clock, config }: RouteDeps) {
  const lifetime = config.payments.lifetimeMinutes;
  const base = (c: Context) => publicBaseUrl(c, config.publicBaseUrl);

  async function ownTransaction(transactionId: string, originatorId?: string, endPointId?: string): Promise<SandboxTransactionRow> {
    const row = TRANSACTION_ID.test(transactionId) ? await findSandboxTransaction(db, transactionId) : undefined;
    if (!row || (originatorId !== undefined && (row.originator_id !== originatorId || row.endpoint_id !== endPointId))) {
      throw new ProblemError('not_found', 'Diese Transaktion gibt es nicht.');
    }
    return row;
  }

  /** The pay page opens only with the token from the creating answer (the payer's capability). */
  async function payersTransaction(c: Context): Promise<SandboxTransactionRow> {
    const row = await ownTransaction(c.req.param('transactionId')!);
    if (!sandboxPayToken(row, c.req.param('payToken')!)) throw new ProblemError('not_found', 'Diese Transaktion gibt es nicht.');
    return row;
  }

  function payPage(c: Context, row: SandboxTransactionRow, status: 200 | 400 | 404 = 200, error?: string): Response {
    const page = renderPayPage(row, { open: sandboxOpen(row, clock(), lifetime), ...(error ? { error } : {}) });
    c.header('Content-Security-Policy', payPageCsp(sandboxRequest(row).redirectUrl));
    c.header('Cache-Control', 'no-store');
    return c.html(page, status);
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(createTransactionRoute, async (c) => {
      const { originatorId, endPointId } = c.req.valid('param');
      const request = c.req.valid('json');
      const { row, created } = await openSandboxTransaction(db, clock(), originatorId, endPointId, request);
      return c.json(sandboxTransactionJson(row, base(c)), created ? 201 : 200);
    })
    .openapi(getTransactionRoute, async (c) => {
      const { originatorId, endPointId, transactionId } = c.req.valid('param');
      const row = await ownTransaction(transactionId, originatorId, endPointId);
      return c.json(sandboxTransactionJson(row, base(c)), 200);
    })
    .get(`${SANDBOX_PAY_PREFIX}/:transactionId/:payToken`, async (c) => payPage(c, await payersTransaction(c)))
    .post(`${SANDBOX_PAY_PREFIX}/:transactionId/:payToken`, async (c) => {
      const row = await payersTransaction(c);
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const action = form['action'];
      const method = form['method'];
      let decision: SandboxDecision;
      if (action === 'pay') {
        const chosen = SANDBOX_METHODS.find((m) => m.value === method);
        if (!chosen) return payPage(c, row, 400, 'Bitte wählen Sie eine Zahlungsart.');
        decision = { action: 'pay', method: chosen.value };
      } else if (action === 'fail' || action === 'cancel') {
        decision = { action };
      } else {
        return payPage(c, row, 400, 'Bitte wählen Sie „Bezahlen“, „Zahlung fehlschlagen lassen“ oder „Abbrechen“.');
      }
      // A decision on a closed transaction (decided before, or too old) changes nothing; the
      // citizen goes back all the same, where the service asks for the actual status.
      if (sandboxOpen(row, clock(), lifetime)) await decideSandboxTransaction(db, clock(), row.transaction_id, decision);
      return c.redirect(sandboxRequest(row).redirectUrl, 303);
    });
}
