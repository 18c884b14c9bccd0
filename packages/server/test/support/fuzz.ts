/**
 * Request fuzzing driven by the live OpenAPI document: every operation it lists gets requests
 * whose path parameters, query, headers, content type and body are built from the documented
 * schemas (so most reach the handler) and then broken in one place (so the handler, and the SQL
 * behind it, meet what an attacker sends). Used by test/fuzz.test.ts (PGlite, in `npm test`)
 * and bench/fuzz.mjs (more cases, PGlite and PostgreSQL). New operations are fuzzed without
 * anyone writing a line here.
 */
import fc from 'fast-check';
import type { App } from '../../src/app.js';
import { DEV_FOUND_ITEMS_API_KEY, DEV_QUEUE_KIOSK_API_KEY, DEV_QUEUE_STAFF_API_KEY } from '../../src/config.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonSchema = Record<string, any>;

export interface Operation {
  id: string;
  method: string;
  /** OpenAPI path, with `{name}` placeholders. */
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header' | 'cookie'; required: boolean; schema: JsonSchema }>;
  body?: { required: boolean; mediaType: string; schema: JsonSchema };
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** What was broken, for the failure message. */
  mutation: string;
}

/**
 * Values that make requests get further than the first check: documented examples come
 * automatically; `known` adds live ones by parameter or property name (ids of existing
 * records, secrets, API keys as `Authorization`).
 */
export type KnownValues = Record<string, readonly string[]>;

/** Characters and values that have crashed servers before: the point of the exercise. */
export const EVIL_STRINGS: readonly string[] = [
  '\u0000',
  'ab\u0000cd',
  'ab\ud800',
  '\udc00x',
  '\ud83d',
  'x\u0007y',
  '\u001b[31mrot',
  'eins\nzwei',
  'eins\r\nzwei',
  'a\tb',
  'a\u2028b',
  'a\u007fb',
  'a\u0085b',
  '\ufeffBOM',
  '\uffff',
  '😀 Ärger ß',
  '𝒜𝒷𝒸',
  '',
  ' ',
  "'; DROP TABLE found_items; --",
  '%00',
  '\\x00',
  '../../etc/passwd',
  '2024-02-30',
  '0000-01-01',
  '2026-13-45',
  '99999-01-01',
  '2026-02-29T25:61:00+02:00',
  '-1',
  '2147483648',
  '9223372036854775808',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'x'.repeat(5000),
];

const EVIL_NUMBERS: readonly Json[] = [0, -1, 0.5, -0.000001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, -(2 ** 63), 1e308, -1e308, 1e-320];
const EVIL_VALUES: readonly Json[] = [null, true, false, [], {}, [null], { '': null }, '', 0, ...EVIL_NUMBERS];

/** `node` with every `$ref` into `document` replaced by its target (a cycle ends in `{}`). */
export function dereference(document: JsonSchema, node: any, seen = new Set<string>()): any {
  if (Array.isArray(node)) return node.map((n) => dereference(document, n, seen));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return {};
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((at: any, key: string) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
    return dereference(document, target, new Set([...seen, node.$ref]));
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, dereference(document, v, seen)]));
}

/** The operations of the document, with `$ref`s resolved. */
export function operationsOf(document: JsonSchema): Operation[] {
  const resolve = (node: any) => dereference(document, node);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<any>(document['paths'] ?? {})) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op) continue;
      const resolved = resolve(op);
      const content = Object.entries<any>(resolved.requestBody?.content ?? {});
      const [mediaType, media] = content[0] ?? [];
      operations.push({
        id: resolved.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: [...(resolve(item.parameters) ?? []), ...(resolved.parameters ?? [])].map((p: any) => ({
          name: p.name,
          in: p.in,
          required: Boolean(p.required),
          schema: p.schema ?? {},
        })),
        ...(mediaType ? { body: { required: Boolean(resolved.requestBody.required), mediaType, schema: media.schema ?? {} } } : {}),
      });
    }
  }
  return operations;
}

/** A value the schema accepts, or nearly: examples and known values first, then generated ones. */
export function valueFor(schema: JsonSchema, name: string, known: KnownValues, depth = 0): fc.Arbitrary<Json> {
  const choices: Array<fc.Arbitrary<Json>> = [];
  const examples = [schema['example'], ...(Array.isArray(schema['examples']) ? schema['examples'] : [])].filter((e) => e !== undefined);
  if (examples.length > 0) choices.push(fc.constantFrom(...(examples as Json[])));
  const fitting = (known[name] ?? []).filter((value) => fits(schema, value));
  if (fitting.length) choices.push(fc.constantFrom(...fitting));
  const generated = generatedValue(schema, name, known, depth);
  if (choices.length === 0) return generated;
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...choices) }, { weight: 1, arbitrary: generated });
}

const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  email: /^[^@\s]+@[^@\s]+$/,
};

/** Whether a known value suits this place: ids of one kind are not tried where another kind is wanted. */
function fits(schema: JsonSchema, value: string): boolean {
  if (Array.isArray(schema['enum'])) return schema['enum'].includes(value);
  if (schema['type'] !== undefined && schema['type'] !== 'string') return false;
  if (schema['format'] && FORMATS[schema['format']] && !FORMATS[schema['format']]!.test(value)) return false;
  if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern']).test(value)) return false;
  return value.length >= (schema['minLength'] ?? 0) && value.length <= (schema['maxLength'] ?? Infinity);
}

function generatedValue(schema: JsonSchema, name: string, known: KnownValues, depth: number): fc.Arbitrary<Json> {
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return fc.constantFrom(...(schema['enum'] as Json[]));
  if ('const' in schema) return fc.constant(schema['const'] as Json);
  const options = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
  if (options?.length) return fc.oneof(...options.map((o) => valueFor(o, name, known, depth)));
  if (Array.isArray(schema['allOf'])) return valueFor(mergeAllOf(schema['allOf']), name, known, depth);
  if (Array.isArray(schema['type']) && schema['type'].includes('null')) {
    const type = schema['type'].filter((t: string) => t !== 'null');
    return fc.oneof(fc.constant(null), generatedValue({ ...schema, type }, name, known, depth));
  }
  switch (Array.isArray(schema['type']) ? schema['type'][0] : schema['type']) {
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringFor(schema);
    case 'integer':
    case 'number': {
      const min = schema['minimum'] ?? (schema['exclusiveMinimum'] !== undefined ? schema['exclusiveMinimum'] + 1 : 0);
      const max = schema['maximum'] ?? (schema['exclusiveMaximum'] !== undefined ? schema['exclusiveMaximum'] - 1 : min + 1000);
      return fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 8) return fc.constant([]);
      const minLength = schema['minItems'] ?? 0;
      return fc.array(valueFor(schema['items'] ?? {}, name, known, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema['maxItems'] ?? 3, 3)) });
    }
    case 'object':
      return depth > 8 ? fc.constant({}) : objectFor(schema, known, depth);
    default:
      return fc.constantFrom<Json>('x', 1, true, null);
  }
}

/** One schema for all parts: their properties and required lists together (a plain assign kept only the last part's). */
function mergeAllOf(parts: JsonSchema[]): JsonSchema {
  return parts.reduce<JsonSchema>(
    (merged, part) => ({
      ...merged,
      ...part,
      ...(merged['properties'] || part['properties'] ? { properties: { ...merged['properties'], ...part['properties'] } } : {}),
      ...(merged['required'] || part['required'] ? { required: [...(merged['required'] ?? []), ...(part['required'] ?? [])] } : {}),
    }),
    {},
  );
}

function objectFor(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<Json> {
  const properties = Object.entries<JsonSchema>(schema['properties'] ?? {});
  const required = new Set<string>(schema['required'] ?? []);
  const record = Object.fromEntries(properties.map(([key, s]) => [key, valueFor(s, key, known, depth + 1)]));
  const base = fc.record(record, { requiredKeys: [...required].filter((k) => k in record) }) as fc.Arbitrary<{ [key: string]: Json }>;
  const extra = schema['additionalProperties'];
  if (properties.length === 0 && extra && typeof extra === 'object') {
    return fc.dictionary(fc.constantFrom(...(known['$keys']?.length ? known['$keys'] : ['feld'])), valueFor(extra, '', known, depth + 1), { maxKeys: 3 }) as fc.Arbitrary<Json>;
  }
  return base;
}

function stringFor(schema: JsonSchema): fc.Arbitrary<Json> {
  const min: number = schema['minLength'] ?? 0;
  const max: number = Math.min(schema['maxLength'] ?? 40, Math.max(min, 40));
  switch (schema['format']) {
    case 'date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.constantFrom('erika.mustermann@example.org', 'max@example.com');
    case 'uri':
    case 'url':
      return fc.constantFrom('https://www.musterstadt.example/buergerservice', 'https://www.musterstadt.example/fundbuero?x=1');
    case 'uuid':
      return fc.uuid();
  }
  if (typeof schema['pattern'] === 'string') {
    return fc.stringMatching(new RegExp(schema['pattern'])).filter((s) => s.length >= min && s.length <= (schema['maxLength'] ?? Infinity));
  }
  return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
}

/** One place broken: a leaf replaced, a key removed or added, or the whole thing swapped. */
function mutateJson(value: Json): fc.Arbitrary<{ value: Json; what: string }> {
  const paths = leafPaths(value);
  const evil = fc.oneof(fc.constantFrom(...EVIL_STRINGS), fc.constantFrom(...EVIL_VALUES), fc.string({ unit: 'binary', maxLength: 12 }));
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...paths), evil).map(([path, v]) => ({ value: setAt(value, path, v), what: `${path.join('.') || 'body'} = ${show(v)}` })) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...EVIL_STRINGS)).map(([path, s]) => ({
        value: setAt(value, path, `${stringAt(value, path)}${s}`),
        what: `${path.join('.') || 'body'} += ${show(s)}`,
      })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...paths).filter((p) => p.length > 0).map((path) => ({ value: removeAt(value, path), what: `${path.join('.')} removed` })) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...paths), fc.constantFrom('\u0000', 'ab\ud800', 'constructor', '__proto__', 'x'.repeat(300), 'extra'), evil).map(([path, key, v]) => ({
        value: setAt(value, [...path.slice(0, -1), key], v),
        what: `key ${show(key)} added`,
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<[Json, string]>(
        [Array.from({ length: 5000 }, () => 1), 'array of 5000'],
        [null, 'null body'],
        ['text', 'string body'],
        [[value], 'body in an array'],
      ).map(([v, what]) => ({ value: v, what })),
    },
  );
}

function leafPaths(value: Json, path: Array<string | number> = [], out: Array<Array<string | number>> = [[]]): Array<Array<string | number>> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const next = [...path, Array.isArray(value) ? Number(key) : key];
      out.push(next);
      leafPaths(child, next, out);
    }
  }
  return out;
}

function at(value: Json, path: Array<string | number>): Json | undefined {
  return path.reduce<Json | undefined>((v, key) => (v !== null && typeof v === 'object' ? (v as any)[key] : undefined), value);
}

function stringAt(value: Json, path: Array<string | number>): string {
  const found = at(value, path);
  return typeof found === 'string' || typeof found === 'number' ? String(found) : '';
}

function setAt(value: Json, path: Array<string | number>, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : value !== null && typeof value === 'object' ? { ...value } : {};
  Object.defineProperty(copy, key!, { value: setAt(copy[key!] ?? null, rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
}

function removeAt(value: Json, path: Array<string | number>): Json {
  const [key, ...rest] = path;
  if (value === null || typeof value !== 'object') return value;
  const copy: any = Array.isArray(value) ? [...value] : { ...value };
  if (rest.length === 0) delete copy[key!];
  else copy[key!] = removeAt(copy[key!], rest);
  return copy;
}

const show = (v: unknown, length = 40) => {
  const text = typeof v === 'string' && length > 40 ? v : JSON.stringify(v) ?? String(v);
  return text.length > length ? `${text.slice(0, length)}…` : text;
};

/** Percent-encodes like a browser would, and also bytes a browser never sends (lone surrogates as raw UTF-8, %FF). */
function encodeComponent(value: string): string {
  let out = '';
  for (const char of value) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

const BODY_BREAKS: ReadonlyArray<{ what: string; headers: Record<string, string>; body?: string }> = [
  { what: 'invalid JSON', headers: { 'Content-Type': 'application/json' }, body: '{"a": ' },
  { what: 'JSON with 1e400', headers: { 'Content-Type': 'application/json' }, body: '{"amountCents": 1e400, "count": -1e400}' },
  { what: 'empty body', headers: { 'Content-Type': 'application/json' }, body: '' },
  { what: 'no content type', headers: {}, body: '{}' },
  { what: 'text/plain', headers: { 'Content-Type': 'text/plain' }, body: '{}' },
  { what: 'form', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=%00&b=c' },
  { what: 'multipart', headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n\u0000\r\n--x--\r\n' },
  { what: 'odd JSON type', headers: { 'Content-Type': 'application/json; charset=latin1' }, body: '{}' },
  { what: 'bad content type', headers: { 'Content-Type': ';;;' }, body: '{}' },
  { what: 'body over the limit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(70_000) }) },
  { what: 'objects nested 5000 deep', headers: { 'Content-Type': 'application/json' }, body: `${'{"a":'.repeat(5000)}{}${'}'.repeat(5000)}` },
  { what: 'arrays nested 30000 deep', headers: { 'Content-Type': 'application/json' }, body: `${'['.repeat(30_000)}${']'.repeat(30_000)}` },
  { what: 'UTF-8 BOM', headers: { 'Content-Type': 'application/json' }, body: '\ufeff{}' },
  { what: 'escaped NUL and lone surrogate', headers: { 'Content-Type': 'application/json' }, body: '{"a":"\\u0000","b":"\\ud800","\\u0000":1}' },
];

/** Requests for one operation: every part valid-ish, then one part broken (or none, 1 in 8). */
export function requestsFor(operation: Operation, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const headerParams = operation.parameters.filter((p) => p.in === 'header');
  const paramValues = (params: Operation['parameters'], all: boolean) =>
    fc.record(
      Object.fromEntries(params.map((p) => [p.name, valueFor(p.schema, p.name, known).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))])),
      { requiredKeys: all ? params.map((p) => p.name) : params.filter((p) => p.required).map((p) => p.name) },
    ) as fc.Arbitrary<Record<string, string>>;
  const body = operation.body ? valueFor(operation.body.schema, '', known) : fc.constant(undefined);

  const valid = fc.record({
    path: paramValues(pathParams, true),
    query: paramValues(queryParams, false),
    headers: paramValues(headerParams, false),
    body,
  });
  type Parts = { path: Record<string, string>; query: Record<string, string>; headers: Record<string, string>; body: Json | undefined; raw?: { what: string; headers: Record<string, string>; body?: string }; what: string };

  const evilString = fc.oneof(fc.constantFrom(...EVIL_STRINGS), fc.string({ unit: 'binary', maxLength: 12 }));
  const breakPart = (parts: Parts): fc.Arbitrary<Parts> => {
    const choices: Array<fc.Arbitrary<Parts>> = [fc.constant({ ...parts, what: 'valid-ish' })];
    if (pathParams.length) {
      choices.push(
        fc.tuple(fc.constantFrom(...pathParams.map((p) => p.name)), evilString).map(([name, v]) => ({ ...parts, path: { ...parts.path, [name]: v }, what: `path ${name} = ${show(v)}` })),
      );
    }
    choices.push(
      fc.tuple(fc.constantFrom(...queryParams.map((p) => p.name), 'unbekannt'), evilString).map(([name, v]) => ({ ...parts, query: { ...parts.query, [name]: v }, what: `query ${name} = ${show(v)}` })),
    );
    if (queryParams.length) {
      choices.push(fc.constantFrom(...queryParams.map((p) => p.name)).map((name) => ({ ...parts, query: omit(parts.query, name), what: `query ${name} missing` })));
    }
    // Headers cannot carry NUL, CR or LF (the HTTP parser refuses them before us); the rest can come.
    const headerString = evilString.map(asHeaderValue);
    choices.push(
      fc.tuple(fc.constantFrom(...headerParams.map((p) => p.name), 'Idempotency-Key', 'Authorization', 'If-None-Match', 'Last-Event-ID'), headerString).map(([name, v]) => ({
        ...parts,
        headers: { ...parts.headers, [name]: v },
        what: `header ${name} = ${show(v)}`,
      })),
    );
    if (operation.body) {
      const current = parts.body ?? {};
      choices.push(mutateJson(current).map(({ value, what }) => ({ ...parts, body: value, what })));
      choices.push(mutateJson(current).map(({ value, what }) => ({ ...parts, body: value, what })));
    }
    choices.push(fc.constantFrom(...BODY_BREAKS).map((raw) => ({ ...parts, raw, what: raw.what })));
    return fc.oneof(...choices);
  };

  return valid
    .map((v): Parts => ({ ...v, what: '' }))
    .chain(breakPart)
    .map((parts) => {
      const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeComponent(parts.path[name] ?? ''));
      const query = Object.entries(parts.query)
        .map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`)
        .join('&');
      const request: FuzzRequest = {
        method: operation.method,
        url: `${path}${query ? `?${query}` : ''}`,
        headers: Object.fromEntries(Object.entries(parts.headers).map(([k, v]) => [k, asHeaderValue(v)])),
        mutation: parts.what,
      };
      if (parts.raw) {
        Object.assign(request.headers, parts.raw.headers);
        if (parts.raw.body !== undefined && operation.method !== 'GET') request.body = parts.raw.body;
      } else if (operation.body && parts.body !== undefined) {
        request.headers['Content-Type'] = operation.body.mediaType;
        request.body = JSON.stringify(parts.body);
      }
      return request;
    });
}

/** Headers cannot carry NUL, CR, LF or characters beyond Latin-1 (the HTTP parser refuses them before us). */
const asHeaderValue = (value: string) => value.replace(/[\u0000\r\n]/g, '').replace(/[^\u0000-\u00ff]/g, '?');

function omit(record: Record<string, string>, name: string): Record<string, string> {
  const { [name]: _, ...rest } = record;
  return rest;
}

export interface Outcome {
  status: number;
  contentType: string;
  problem?: { detail?: unknown; code?: unknown };
}

/** Sends one request to the app in-process; event streams are closed at once. */
export async function send(app: App, request: FuzzRequest): Promise<Outcome> {
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = request.body;
  const response = await app.request(request.url, init);
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, contentType };
  }
  const text = await response.text();
  if (!contentType.startsWith('application/problem+json')) return { status: response.status, contentType };
  try {
    return { status: response.status, contentType, problem: JSON.parse(text) as Outcome['problem'] };
  } catch {
    return { status: response.status, contentType };
  }
}

const GERMAN = /[äöüßÄÖÜ„“]|\b(der|die|das|den|dem|des|ist|sind|nicht|kein|keine|ein|eine|einen|bitte|und|oder|zu|für|mit|muss|darf|wird|gibt|fehlt|Anfrage|Erwartet|Erlaubt|Muss|Diese[rs]?)\b/;
const ENGLISH = /\b(the|is not|must be|invalid|expected|unexpected|required|unknown|error|not found|malformed)\b/i;

/** Why an answer breaks the rules (no 5xx; every 4xx a problem with a German detail), or undefined. */
export function violation(outcome: Outcome): string | undefined {
  if (outcome.status === NO_ANSWER) return `no answer within ${ANSWER_WITHIN_MS / 1000} s`;
  if (outcome.status >= 500) return `answered ${outcome.status}`;
  if (outcome.status < 400) return undefined;
  if (!outcome.contentType.startsWith('application/problem+json')) return `${outcome.status} with Content-Type ${outcome.contentType || 'none'}`;
  const detail = outcome.problem?.detail;
  if (typeof detail !== 'string' || detail.length < 10) return `${outcome.status} without a detail`;
  if (!GERMAN.test(detail) || ENGLISH.test(detail)) return `${outcome.status} with a detail that is not German: ${detail}`;
  return undefined;
}

/** The app's settings for fuzzing: bot protection off, so bodies reach the handlers. */
export const FUZZ_ENV = { MUNI_DEV_MODE: 'on', CORS_ORIGINS: 'https://www.musterstadt.example', BOT_PROTECTION: 'false' };

/**
 * Known values for an app made with FUZZ_ENV: what the list endpoints show, the development
 * API keys, and a fresh appointment reservation (its id and secret), so bookings get as far as
 * the database.
 */
export async function fuzzKnownValues(app: App): Promise<() => Promise<KnownValues>> {
  const base = await harvestKnownValues(app, {
    Authorization: [`Bearer ${DEV_FOUND_ITEMS_API_KEY}`, `Bearer ${DEV_QUEUE_STAFF_API_KEY}`, `Bearer ${DEV_QUEUE_KIOSK_API_KEY}`],
  });
  return async () => ({ ...base, ...(await reservation(app)) });
}

async function reservation(app: App): Promise<KnownValues> {
  const get = async (path: string) => (await (await app.request(`/api/v1${path}`)).json()) as any;
  const { services } = await get('/appointments/services');
  const service = services?.[0];
  if (!service) return {};
  const office = service.officeIds[0];
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  const { days } = await get(`/appointments/availability?services=${service.id}&office=${office}&from=${from}&to=${to}`);
  for (const day of days ?? []) {
    if (day.free === 0) continue;
    const { slots } = await get(`/appointments/slots?services=${service.id}&office=${office}&date=${day.date}`);
    for (const slot of slots ?? []) {
      const response = await app.request('/api/v1/appointments/reservations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ services: [{ serviceId: service.id, count: 1 }], slotId: slot.id }),
      });
      if (response.status !== 201) continue;
      const held = (await response.json()) as { id: string; secret: string };
      const fields = (service.fields as Array<{ id: string }>).map((f) => f.id);
      return { id: [held.id], secret: [held.secret], $keys: fields };
    }
  }
  return {};
}

/** Live values for the operations: ids the seed holds, harvested from the list endpoints. */
export async function harvestKnownValues(app: App, extra: KnownValues = {}): Promise<KnownValues> {
  const known: Record<string, Set<string>> = {};
  const add = (name: string, value: unknown) => {
    if (typeof value !== 'string' || value.length > 200) return;
    (known[name] ??= new Set()).add(value);
  };
  const collect = (node: unknown, key: string) => {
    if (Array.isArray(node)) node.slice(0, 5).forEach((n) => collect(n, key));
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) collect(v, k);
    else add(key, node);
  };
  const document = (await (await app.request('/api/openapi.json')).json()) as JsonSchema;
  for (const operation of operationsOf(document)) {
    if (operation.method !== 'GET' || operation.parameters.some((p) => p.required) || operation.path.includes('{')) continue;
    const response = await app.request(operation.path);
    if (response.headers.get('Content-Type')?.startsWith('application/json')) collect(await response.json(), '');
    else await response.body?.cancel();
  }
  // Names under which list answers carry what parameters call differently.
  const alias: Record<string, string> = { id: 'serviceId', reference: 'reference' };
  for (const [from, to] of Object.entries(alias)) for (const v of known[from] ?? []) add(to, v);
  for (const [name, values] of Object.entries(extra)) values.forEach((v) => add(name, v));
  return Object.fromEntries(Object.entries(known).map(([k, v]) => [k, [...v].slice(0, 20)]));
}

export interface OperationTally {
  operation: string;
  requests: number;
  '2xx': number;
  '4xx': number;
  '5xx': number;
}

/** A request still unanswered after this long counts as broken: a hang is worse than a 500. */
const ANSWER_WITHIN_MS = 15_000;
const NO_ANSWER = 599;

/**
 * Fuzzes every operation of the app's document with `casesPerOperation` requests each, one
 * after the other. Returns a tally per operation and one line per rule broken (first few per operation).
 */
export async function fuzzApp(
  app: App,
  options: { casesPerOperation: number; known: () => Promise<KnownValues>; seed?: number; onOperation?: (tally: OperationTally) => void },
): Promise<{ tallies: OperationTally[]; failures: string[] }> {
  const document = (await (await app.request('/api/openapi.json')).json()) as JsonSchema;
  const tallies: OperationTally[] = [];
  const failures: string[] = [];
  // After one unanswered request the app may be wedged (on PGlite a transaction that never ends
  // holds up every later query): stop there rather than wait out every remaining case.
  let unanswered = false;
  for (const operation of operationsOf(document)) {
    if (unanswered) break;
    const tally: OperationTally = { operation: operation.id, requests: 0, '2xx': 0, '4xx': 0, '5xx': 0 };
    let reported = 0;
    const known = await options.known();
    await fc.assert(
      fc.asyncProperty(requestsFor(operation, known), async (request) => {
        if (unanswered) return true;
        const outcome = await withTimeout(send(app, request));
        if (outcome.status === NO_ANSWER) unanswered = true;
        tally.requests++;
        if (outcome.status >= 500) tally['5xx']++;
        else if (outcome.status >= 400) tally['4xx']++;
        else if (outcome.status >= 200 && outcome.status < 300) tally['2xx']++;
        const broken = violation(outcome);
        if (broken && reported++ < 3) failures.push(`${operation.id}: ${broken} (${request.method} ${show(request.url, 120)}; ${request.mutation})`);
        return true;
      }),
      { numRuns: options.casesPerOperation, ...(options.seed !== undefined ? { seed: options.seed } : {}) },
    );
    tallies.push(tally);
    options.onOperation?.(tally);
  }
  return { tallies, failures };
}

async function withTimeout(answer: Promise<Outcome>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: NO_ANSWER, contentType: 'no answer' }), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
