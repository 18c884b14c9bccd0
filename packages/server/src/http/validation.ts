/**
 * Turns zod validation failures of params, query, headers and bodies into 400 problem details
 * with one German message per field, and refuses unsafe text (see safe-text.ts) in whatever
 * passed the schemas. Installed as the OpenAPIHono `defaultHook`, so every route defined with
 * `createRoute` gets both without doing anything.
 */
import type { Hook, OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { routePath } from 'hono/route';
import type { z } from 'zod';
import type { AppEnv } from './app-env.js';
import { problem, problemResponse, type FieldError, type Problem } from './problem.js';
import { textFieldErrors } from './safe-text.js';

type Issue = z.core.$ZodIssue;

const TARGET_LABELS: Record<string, string> = {
  json: 'Anfrageinhalt',
  form: 'Formular',
  query: 'Abfrageparameter',
  param: 'Pfadparameter',
  header: 'Kopfzeilen',
  cookie: 'Cookies',
};

type Schema = z.core.$ZodType;

/** What `app.openAPIRegistry.definitions` holds for a route: its method, path and request schemas. */
type Definitions = OpenAPIHono['openAPIRegistry']['definitions'];
type RequestParts = NonNullable<RouteConfig['request']>;

/**
 * `definitions` returns the app's registered routes (the app's `openAPIRegistry.definitions`):
 * the schema of the request part tells which fields may span lines.
 */
export function validationHook(definitions: () => Definitions): Hook<unknown, AppEnv, string, Response | undefined> {
  const schemaFor = requestSchemas(definitions);
  return (result, c) => {
    if (result.success) {
      const target = result.target;
      const errors = textFieldErrors(schemaFor(c, target), result.data, (path) => fieldName(path, target));
      return errors.length > 0 ? problemResponse(c, validationProblem(target, errors)) : undefined;
    }
    // @hono/zod-validator also hands the hook the unparsed input; it tells "missing" from "wrong".
    const input = 'data' in result ? result.data : undefined;
    return problemResponse(c, validationProblem(result.target, result.error.issues.flatMap((issue) => fieldErrors(issue, result.target, input))));
  };
}

/** The schema a validator of the running route checks `target` with; undefined for routes left out of the document. */
function requestSchemas(definitions: () => Definitions): (c: Context, target: string) => Schema | undefined {
  let seen = -1;
  let byRoute = new Map<string, RequestParts | undefined>();
  return (c, target) => {
    const all = definitions();
    if (all.length !== seen) {
      seen = all.length;
      byRoute = new Map(
        all.flatMap((d) => (d.type === 'route' ? [[routeKey(d.route.method, d.route.path.replaceAll(/\/{(.+?)}/g, '/:$1')), d.route.request] as const] : [])),
      );
    }
    const request = byRoute.get(routeKey(c.req.method === 'HEAD' ? 'get' : c.req.method, routePath(c)));
    const content = Object.entries(request?.body?.content ?? {});
    const body = (kind: RegExp) => {
      const media = content.find(([type]) => kind.test(type))?.[1];
      return media && 'schema' in media ? media.schema : undefined;
    };
    const parts: Record<string, () => unknown> = {
      json: () => body(/json/i),
      form: () => body(/form/i),
      param: () => request?.params,
      query: () => request?.query,
      header: () => request?.headers,
      cookie: () => request?.cookies,
    };
    const schema = parts[target]?.();
    return isSchema(schema) ? schema : undefined;
  };
}

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value;

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

function validationProblem(target: string, errors: FieldError[]): Problem {
  const where = TARGET_LABELS[target] ?? target;
  const first = errors[0]!;
  const detail =
    errors.length === 1
      ? first.field === rootName(target)
        ? `${where}: ${first.message}`
        : `${where}, „${first.field}“: ${first.message}`
      : `${where}: ${errors.length} Angaben sind ungültig, zuerst „${first.field}“: ${first.message}`;
  return problem('validation', detail, errors);
}

function fieldErrors(issue: Issue, target: string, input: unknown): FieldError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: fieldName([...issue.path, key], target),
      code: 'unrecognized',
      message: 'Dieses Feld ist nicht vorgesehen.',
    }));
  }
  const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
  return [
    {
      field: fieldName(issue.path, target),
      code: missing ? 'required' : customCode(issue) ?? issue.code,
      message: missing ? (issue.path.length === 0 ? 'Fehlt; erwartet wird ein JSON-Objekt.' : 'Diese Angabe fehlt.') : germanMessage(issue),
    },
  ];
}

const rootName = (target: string) => (target === 'json' ? 'body' : target);

function fieldName(path: readonly PropertyKey[], target: string): string {
  if (path.length === 0) return rootName(target);
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** Refinements name their own machine-readable code through `params.code`. */
function customCode(issue: Issue): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const code = issue.params?.['code'];
  return typeof code === 'string' ? code : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'ein Text',
  number: 'eine Zahl',
  int: 'eine ganze Zahl',
  bigint: 'eine ganze Zahl',
  boolean: 'true oder false',
  object: 'ein Objekt',
  array: 'eine Liste',
  date: 'ein Datum',
  null: 'null',
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'Erwartet wird ein Datum im Format JJJJ-MM-TT.',
  datetime: 'Erwartet wird ein Zeitpunkt nach ISO 8601, z. B. 2026-04-05T09:30:00+02:00.',
  time: 'Erwartet wird eine Uhrzeit im Format HH:MM.',
  email: 'Erwartet wird eine gültige E-Mail-Adresse.',
  url: 'Erwartet wird eine vollständige Internetadresse (URL).',
  uuid: 'Erwartet wird eine UUID.',
};

/**
 * German wording for zod's built-in checks. Refinements (`custom`) carry their own German text,
 * written where the rule is defined.
 */
function germanMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Erwartet wird ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'too_small':
      return boundMessage('mindestens', 'größer als', issue.origin, issue.minimum, issue.inclusive);
    case 'too_big':
      return boundMessage('höchstens', 'kleiner als', issue.origin, issue.maximum, issue.inclusive);
    case 'invalid_format':
      return FORMAT_MESSAGES[issue.format] ?? formatMessage(issue);
    case 'invalid_value':
      return `Erlaubt ${issue.values.length === 1 ? 'ist' : 'sind'}: ${issue.values.map((v) => String(v)).join(', ')}.`;
    case 'not_multiple_of':
      return `Muss ein Vielfaches von ${String(issue.divisor)} sein.`;
    case 'custom':
      return issue.message;
    default:
      return 'Dieser Wert ist ungültig.';
  }
}

/** Says what was expected: the pattern (as written in the OpenAPI document), or the required start or end. */
function formatMessage(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  const detail = issue as { pattern?: unknown; prefix?: unknown; suffix?: unknown; includes?: unknown };
  if (issue.format === 'regex' && typeof detail.pattern === 'string') return `Entspricht nicht dem erwarteten Muster ${detail.pattern.replace(/^\/|\/[a-z]*$/g, '')}.`;
  if (issue.format === 'starts_with') return `Muss mit „${String(detail.prefix)}“ beginnen.`;
  if (issue.format === 'ends_with') return `Muss auf „${String(detail.suffix)}“ enden.`;
  if (issue.format === 'includes') return `Muss „${String(detail.includes)}“ enthalten.`;
  return `Hat nicht das erwartete Format (${issue.format}).`;
}

function boundMessage(
  atLeastOrMost: string,
  strictly: string,
  origin: string | undefined,
  bound: number | bigint | Date,
  inclusive: boolean | undefined,
): string {
  const value = bound instanceof Date ? bound.toISOString() : String(bound);
  switch (origin) {
    case 'string':
      return `Muss ${atLeastOrMost} ${value} Zeichen lang sein.`;
    case 'array':
    case 'set':
      return `Muss ${atLeastOrMost} ${value} Einträge haben.`;
    default:
      return inclusive === false ? `Muss ${strictly} ${value} sein.` : `Muss ${atLeastOrMost} ${value} sein.`;
  }
}
