/**
 * The last line of defence: whatever a handler or middleware throws becomes a problem+json
 * response. Client mistakes detected by Hono itself (malformed JSON, wrong content type,
 * oversized body) stay 4xx; anything unexpected is a 500 that reveals nothing but the request
 * id, while the log gets the details.
 */
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describeError, type Logger } from '../logger.js';
import type { AppEnv } from './app-env.js';
import { problem, problemResponse, ProblemError, type Problem } from './problem.js';
import { routePattern } from './route-pattern.js';

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.problem, error.options.headers);
    if (error instanceof HTTPException && error.status < 500) return problemResponse(c, clientProblem(error));
    // A unique constraint that fired is a request racing a twin that won (PostgreSQL 23505): a conflict, not a fault.
    if ((error as { code?: unknown }).code === '23505') {
      return problemResponse(c, problem('conflict', 'Diese Anfrage wurde gerade schon von einer anderen bearbeitet. Bitte laden Sie die Angaben neu.'));
    }
    logger.error('unhandled error', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routePattern(c),
      ...describeError(error),
    });
    return problemResponse(
      c,
      problem('internal', `Bei der Bearbeitung ist ein Fehler aufgetreten. Fehler-ID: ${c.get('requestId')}.`),
    );
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(c, problem('not_found', 'Unter dieser Adresse gibt es keine Ressource.'));

/** Hono's own client errors, re-worded; their English messages are not part of our contract. */
function clientProblem(error: HTTPException): Problem {
  switch (error.status) {
    case 413:
      return problem('payload_too_large', 'Der Anfrageinhalt ist zu groß.');
    case 415:
      return problem(
        'unsupported_media_type',
        'Der Anfrageinhalt hat einen hier nicht unterstützten Content-Type; erwartet wird application/json.',
      );
    default:
      return /malformed json/i.test(error.message)
        ? problem('bad_request', 'Der Anfrageinhalt ist kein gültiges JSON.')
        : problem('bad_request', 'Die Anfrage ist fehlerhaft.');
  }
}
