import { coreMessages, type CoreMessages } from '../i18n/core-messages.js';
import type { Translate } from '../i18n/translate.js';

/**
 * What a failed call was for. A `submit` sends what the citizen entered, so a 4xx can mean
 * "check your entries"; a `load` sends nothing of theirs (a read, or a request built from the
 * page's own settings), so any failure is the load's, and asking again is always the way on.
 * A `lookup` is a load of one thing named by a link or reference: a 404 there means it is gone.
 */
export type CallPurpose = 'load' | 'lookup' | 'submit';

/**
 * What went wrong, in the terms a widget needs to decide what to show and
 * whether a retry can help, rather than in HTTP terms.
 */
export type ApiErrorKind =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'malformed'
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'http'
  /** Not from the backend at all, e.g. a lazily loaded part that failed to arrive. */
  | 'unexpected';

/** One field's complaint, from an `errors` array in application/problem+json. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details as the reference server sends them; every field optional for other backends. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}


/** A 429 or 503 asking for a longer wait than this is not retried unseen: the message says when to come back. */
const BUSY_AFTER_MS = 3_000;

const RETRYABLE: ReadonlySet<ApiErrorKind> = new Set(['offline', 'network', 'timeout', 'malformed', 'rate_limited', 'server', 'unexpected']);

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  /** From a Retry-After header: how long the server asked us to wait. */
  readonly retryAfterMs: number | undefined;
  /** The error response's parsed JSON, for adapters of backends with their own error format. */
  readonly body: unknown;

  constructor(
    kind: ApiErrorKind,
    options: { status?: number; problem?: Problem; cause?: unknown; message?: string; retryAfterMs?: number; body?: unknown } = {},
  ) {
    super(options.message ?? options.problem?.detail ?? kind, { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status;
    this.problem = options.problem;
    this.retryAfterMs = options.retryAfterMs;
    this.body = options.body;
  }

  /** Whether asking again, unchanged, may succeed: what decides if a retry button is offered. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  /** The core message key that explains this error to a citizen. */
  get messageKey(): keyof CoreMessages {
    // Named after the kind ("not_found" -> errorNotFound); kinds without a text of their own get the general one.
    const key = `error${this.kind.replace(/(?:^|_)(.)/g, (_, c: string) => c.toUpperCase())}`;
    return key in coreMessages.de ? (key as keyof CoreMessages) : 'errorUnknown';
  }

  /** The backend's machine-readable reason (e.g. "slot_taken"), for widget-specific messages. */
  get code(): string | undefined {
    return this.problem?.code;
  }
}

/**
 * The citizen's explanation of `error`: fitted to whether it failed a load or a submit, and with
 * the server's own Retry-After turned into a time to come back.
 */
export function errorMessage(t: Translate<CoreMessages>, error: ApiError, purpose: CallPurpose): string {
  const wait = error.retryAfterMs ?? 0;
  if (wait > BUSY_AFTER_MS) {
    // The citizen's own clock ("14:05"); beyond a day a time of day would mislead.
    return t('errorBusy', { time: wait < 864e5 ? new Date(Date.now() + wait).toTimeString().slice(0, 5) : '' });
  }
  // On a load, what asking again cannot change (a 400, 404, 409) is still no fault of the citizen's.
  return t(offersRetry(error, purpose) && !error.retryable ? 'errorLoad' : error.messageKey);
}

/** Whether the message comes with "Erneut versuchen": a failed load always does, a lookup of something gone does not. */
export function offersRetry(error: ApiError, purpose: CallPurpose): boolean {
  return error.retryable || purpose === 'load' || (purpose === 'lookup' && error.kind !== 'not_found');
}

/** Anything thrown below a widget becomes an ApiError, so render code handles one type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('unexpected', { cause: error, message: error instanceof Error ? error.message : String(error) });
}
