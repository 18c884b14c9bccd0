/**
 * Errors as RFC 9457 problem details. Every error response of the API has this shape, so the
 * widgets need one error parser; `code` is what they branch on, `detail` is German text that a
 * widget may show when it has nothing better.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const PROBLEMS = {
  validation: { status: 400, title: 'Ungültige Eingabe' },
  bad_request: { status: 400, title: 'Fehlerhafte Anfrage' },
  unauthorized: { status: 401, title: 'Nicht angemeldet' },
  forbidden: { status: 403, title: 'Nicht berechtigt' },
  not_found: { status: 404, title: 'Nicht gefunden' },
  conflict: { status: 409, title: 'Konflikt' },
  slot_taken: { status: 409, title: 'Termin bereits vergeben' },
  payment_already_paid: { status: 409, title: 'Bereits bezahlt' },
  gone: { status: 410, title: 'Abgelaufen' },
  hold_extension_limit: { status: 409, title: 'Nicht weiter verlängerbar' },
  idempotency_in_progress: { status: 409, title: 'Anfrage wird noch bearbeitet' },
  payload_too_large: { status: 413, title: 'Anfrage zu groß' },
  unsupported_media_type: { status: 415, title: 'Format nicht unterstützt' },
  idempotency_conflict: { status: 422, title: 'Idempotency-Key bereits verwendet' },
  rate_limited: { status: 429, title: 'Zu viele Anfragen' },
  internal: { status: 500, title: 'Interner Fehler' },
  payment_platform_rejected: { status: 502, title: 'Bezahldienst hat abgelehnt' },
  unavailable: { status: 503, title: 'Dienst nicht verfügbar' },
  payment_platform_unavailable: { status: 503, title: 'Bezahldienst nicht erreichbar' },
  payment_platform_timeout: { status: 504, title: 'Bezahldienst antwortet nicht' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const FieldErrorSchema = z
  .object({
    field: z.string().openapi({ description: 'Pfad des Feldes, z. B. `from` oder `address.postalCode`.' }),
    code: z.string().openapi({ description: 'Maschinenlesbarer Grund, z. B. `required`, `too_small`, `invalid_format`.' }),
    message: z.string().openapi({ description: 'Deutsche Beschreibung für Menschen.' }),
  })
  .openapi('FieldError');
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:muni-widgets:problem:validation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]]),
    errors: z.array(FieldErrorSchema).optional(),
    retryable: z
      .boolean()
      .optional()
      .openapi({ description: 'Ob dieselbe Anfrage (mit demselben Idempotency-Key) später gelingen kann; fehlt, wenn es nicht gesagt wird.' }),
  })
  .openapi('Problem', { description: 'Fehlerbeschreibung nach RFC 9457 (application/problem+json).' });
export type Problem = z.infer<typeof ProblemSchema>;

export function problem(code: ProblemCode, detail: string, errors?: FieldError[]): Problem {
  const { status, title } = PROBLEMS[code];
  return { type: `urn:muni-widgets:problem:${code}`, title, status, detail, code, ...(errors ? { errors } : {}) };
}

/**
 * Built through the context so headers that middleware set earlier (request id, CORS) are kept;
 * a bare `new Response` would drop them.
 */
export function problemResponse(c: Context, body: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    ...headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
  });
}

/** Thrown by handlers and middleware; the app's error handler turns it into the response. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(
    code: ProblemCode,
    detail: string,
    readonly options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      retryable?: boolean;
      /** RFC 9457 extension members a route documents, e.g. the receipt of an already paid payment. */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.problem = { ...options.extensions, ...problem(code, detail, options.errors) };
    if (options.retryable !== undefined) this.problem.retryable = options.retryable;
  }
}

/** OpenAPI `responses` entries for the problems a route can answer with. */
export function problemResponses<const Code extends ProblemCode>(...codes: Code[]) {
  type Entry = { description: string; content: { [PROBLEM_CONTENT_TYPE]: { schema: typeof ProblemSchema } } };
  const responses: Partial<Record<number, Entry>> = {};
  for (const code of codes) {
    const { status, title } = PROBLEMS[code];
    // Several codes can share a status (400: validation, bad_request): describe them together.
    const description = responses[status] ? `${responses[status].description} / ${title}` : title;
    responses[status] = { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } };
  }
  return responses as Record<(typeof PROBLEMS)[Code]['status'], Entry>;
}
