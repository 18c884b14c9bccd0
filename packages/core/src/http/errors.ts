import type { CoreMessages } from '../i18n/core-messages.js';

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

const MESSAGE_KEYS: Record<ApiErrorKind, keyof CoreMessages> = {
  offline: 'errorOffline',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  aborted: 'errorUnknown',
  malformed: 'errorMalformed',
  validation: 'errorValidation',
  not_found: 'errorNotFound',
  conflict: 'errorConflict',
  rate_limited: 'errorRateLimited',
  server: 'errorServer',
  http: 'errorUnknown',
  unexpected: 'errorUnknown',
};

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
    return MESSAGE_KEYS[this.kind];
  }

  /** The backend's machine-readable reason (e.g. "slot_taken"), for widget-specific messages. */
  get code(): string | undefined {
    return this.problem?.code;
  }
}

/** Anything thrown below a widget becomes an ApiError, so render code handles one type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('unexpected', { cause: error, message: error instanceof Error ? error.message : String(error) });
}
