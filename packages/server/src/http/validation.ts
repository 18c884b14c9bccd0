/**
 * Turns zod validation failures of params, query, headers and bodies into 400 problem details
 * with one German message per field. Installed as the OpenAPIHono `defaultHook`, so every route
 * defined with `createRoute` gets it without doing anything.
 */
import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { AppEnv } from './app-env.js';
import { problem, problemResponse, type FieldError, type Problem } from './problem.js';

type Issue = z.core.$ZodIssue;

const TARGET_LABELS: Record<string, string> = {
  json: 'Anfrageinhalt',
  form: 'Formular',
  query: 'Abfrageparameter',
  param: 'Pfadparameter',
  header: 'Kopfzeilen',
  cookie: 'Cookies',
};

export const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  // @hono/zod-validator also hands the hook the unparsed input; it tells "missing" from "wrong".
  const input = 'data' in result ? result.data : undefined;
  return problemResponse(c, validationProblem(result.target, result.error.issues, input));
};

function validationProblem(target: string, issues: readonly Issue[], input: unknown): Problem {
  const errors = issues.flatMap((issue) => fieldErrors(issue, target, input));
  const where = TARGET_LABELS[target] ?? target;
  const detail =
    errors.length === 1
      ? `${where}: „${errors[0]!.field}“ ist ungültig. ${errors[0]!.message}`
      : `${where}: ${errors.length} Angaben sind ungültig.`;
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
      message: missing ? 'Diese Angabe fehlt.' : germanMessage(issue),
    },
  ];
}

function fieldName(path: readonly PropertyKey[], target: string): string {
  if (path.length === 0) return target === 'json' ? 'body' : target;
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
      return FORMAT_MESSAGES[issue.format] ?? 'Hat nicht das erwartete Format.';
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
