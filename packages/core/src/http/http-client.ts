import type { Locale } from '../i18n/locale.js';
import { ApiError, type ApiErrorKind, type Problem } from './errors.js';
import { SchemaError, type Schema } from './schema.js';
import { newIdempotencyKey } from './idempotency-key.js';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface HttpClientOptions {
  /** Absolute, or relative to the page (e.g. "/api"). */
  baseUrl: string;
  locale?: Locale;
  fetch?: typeof fetch;
  /** Per attempt, within the call's limit. */
  timeoutMs?: number;
  /**
   * Per call, every attempt and every wait between them included: after this long at the latest
   * the citizen reads that the server does not answer, with a retry, rather than a spinner.
   */
  callLimitMs?: number;
  /** Extra attempts for idempotent requests. */
  retries?: number;
  backoffMs?: number;
  /** Replaceable so tests do not wait for real backoff. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions<T> {
  /** Every response is checked against this before anyone sees it. */
  schema: Schema<T>;
  query?: Query;
  signal?: AbortSignal;
  timeoutMs?: number;
  callLimitMs?: number;
  /** For creating POSTs: pass the same key again to make a retry the same request. */
  idempotencyKey?: string;
}

type Method = 'GET' | 'POST' | 'DELETE';
/** How a body is read: JSON for APIs, the raw text for files in other formats (an XML export). */
type Body = 'json' | 'text';
const IDEMPOTENT: ReadonlySet<Method> = new Set(['GET', 'DELETE']);
/**
 * Waiting longer than this for a Retry-After would leave the citizen looking at a spinner: the call
 * fails at once instead, with a message that says when to try again, and the retry button stays.
 */
export const AUTO_RETRY_AFTER_MAX_MS = 3_000;
const TIMEOUT = Symbol('timeout');

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new ApiError('aborted'));
    });
  });
}

/**
 * fetch with what a citizen-facing widget needs: a timeout, cancellation,
 * retries only where repeating is harmless, an Idempotency-Key on creating
 * POSTs, no cookies, and one typed error for everything that can go wrong.
 */
export class HttpClient {
  private readonly options: Required<Omit<HttpClientOptions, 'locale'>> & { locale: Locale | undefined };
  private warned = false;

  constructor(options: HttpClientOptions) {
    this.options = {
      locale: options.locale,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      timeoutMs: options.timeoutMs ?? 15_000,
      callLimitMs: options.callLimitMs ?? 15_000,
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 400,
      sleep: options.sleep ?? defaultSleep,
      baseUrl: options.baseUrl,
    };
  }

  get<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.request('GET', path, undefined, options);
  }

  /** A GET of a file that is not JSON (an XML export, a list of file names): the schema reads the text. */
  getText<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.request('GET', path, undefined, options, 'text');
  }

  /** A creating request: it always carries an Idempotency-Key, generated when none is given. */
  post<T>(path: string, body: unknown, options: RequestOptions<T>): Promise<T> {
    return this.request('POST', path, body, { ...options, idempotencyKey: options.idempotencyKey ?? newIdempotencyKey() });
  }

  /** A body is allowed: some APIs take the proof of ownership there rather than in the URL. */
  delete<T>(path: string, options: RequestOptions<T> & { body?: unknown }): Promise<T> {
    return this.request('DELETE', path, options.body, options);
  }

  url(path: string, query?: Query): URL {
    const base = new URL(this.options.baseUrl, globalThis.document?.baseURI ?? globalThis.location?.href);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    const url = new URL(path.replace(/^\//, ''), base);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async request<T>(method: Method, path: string, body: unknown, options: RequestOptions<T>, read: Body = 'json'): Promise<T> {
    const attempts = IDEMPOTENT.has(method) ? this.options.retries + 1 : 1;
    const deadline = Date.now() + (options.callLimitMs ?? this.options.callLimitMs);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(method, path, body, options, read, deadline);
      } catch (error) {
        const apiError = error as ApiError;
        if (attempt >= attempts || !this.worthRepeating(apiError)) throw apiError;
        const wait = this.delay(attempt, apiError);
        // A retry that could not finish before the deadline only keeps the citizen waiting.
        if (Date.now() + wait >= deadline) throw apiError;
        await this.options.sleep(wait, options.signal);
      }
    }
  }

  private worthRepeating(error: ApiError): boolean {
    // A malformed body or an offline browser will not change in a second; the citizen retries by hand.
    if ((error.retryAfterMs ?? 0) > AUTO_RETRY_AFTER_MAX_MS) return false;
    // A 429 is repeated only when the server says when: limits whose window restarts with every
    // request (ZMS's citizen API) would only be prolonged by a blind retry.
    if (error.kind === 'rate_limited') return error.retryAfterMs !== undefined;
    return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server';
  }

  private delay(attempt: number, error: ApiError): number {
    if (error.retryAfterMs) return error.retryAfterMs;
    // Exponential with jitter, so many widgets on a recovering server do not retry in step.
    return this.options.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random());
  }

  private async attempt<T>(method: Method, path: string, body: unknown, options: RequestOptions<T>, read: Body, deadline: number): Promise<T> {
    if (options.signal?.aborted) throw new ApiError('aborted');
    if (globalThis.navigator?.onLine === false) throw new ApiError('offline');

    const controller = new AbortController();
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort);
    const timeout = Math.min(options.timeoutMs ?? this.options.timeoutMs, deadline - Date.now());
    const timer = setTimeout(() => controller.abort(TIMEOUT), timeout);

    const headers: Record<string, string> = { Accept: read === 'json' ? 'application/json, application/problem+json' : '*/*' };
    if (this.options.locale) headers['Accept-Language'] = this.options.locale;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

    try {
      let response: Response;
      try {
        response = await this.options.fetch(this.url(path, options.query), {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          signal: controller.signal,
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
        });
      } catch (cause) {
        throw this.transportError(controller, options.signal, cause);
      }
      return await this.read(response, options.schema, controller, options.signal, read);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  private transportError(controller: AbortController, callerSignal: AbortSignal | undefined, cause: unknown): ApiError {
    if (controller.signal.reason === TIMEOUT) return new ApiError('timeout', { cause });
    if (callerSignal?.aborted) return new ApiError('aborted', { cause });
    if (globalThis.navigator?.onLine === false) return new ApiError('offline', { cause });
    // Scripts cannot tell a CORS refusal from a dead server; the page's developer gets the likely causes once.
    this.warned ||= (console.warn(`muni-widgets: ${this.options.baseUrl} unreachable: ${globalThis.location?.origin} not in CORS_ORIGINS? wrong backend-url? server down?`), true);
    return new ApiError('network', { cause });
  }

  private async read<T>(response: Response, schema: Schema<T>, controller: AbortController, callerSignal: AbortSignal | undefined, read: Body): Promise<T> {
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw this.transportError(controller, callerSignal, cause);
    }
    if (!response.ok) throw this.httpError(response, text);
    let data: unknown;
    try {
      data = read === 'text' ? text : text === '' ? undefined : JSON.parse(text);
    } catch (cause) {
      throw new ApiError('malformed', { status: response.status, cause, message: 'Response is not JSON' });
    }
    try {
      return schema(data);
    } catch (cause) {
      if (cause instanceof SchemaError) throw new ApiError('malformed', { status: response.status, cause, message: cause.message });
      throw cause;
    }
  }

  private httpError(response: Response, text: string): ApiError {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    const body = parseJson(text);
    return new ApiError(statusToKind(response.status), {
      status: response.status,
      problem: toProblem(body, response.status),
      body,
      ...(retryAfterMs ? { retryAfterMs } : {}),
    });
  }
}

/** Retry-After as seconds or as an HTTP date (RFC 9110, 10.2.3); anything else, or a time past, is ignored. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return ms > 0 ? ms : undefined;
}

/** A proxy's HTML error page is not JSON; that must not become an exception. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads RFC 9457 problem details defensively from whatever the error body holds. */
function toProblem(body: unknown, status: number): Problem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status };
  const raw = body as Record<string, unknown>;
  const pick = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const errors = Array.isArray(raw['errors'])
    ? (raw['errors'] as Record<string, unknown>[])
        .filter((e) => e && typeof e === 'object')
        .map((e) => ({ field: String(e['field'] ?? ''), code: String(e['code'] ?? ''), message: String(e['message'] ?? '') }))
    : undefined;
  const problem: Problem = { status };
  for (const key of ['type', 'title', 'detail', 'code'] as const) {
    const value = pick(key);
    if (value !== undefined) problem[key] = value;
  }
  if (errors) problem.errors = errors;
  return problem;
}

/** HTTP statuses in the terms a widget decides by. */
function statusToKind(status: number): ApiErrorKind {
  if (status === 400 || status === 422) return 'validation';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'http';
}
