/**
 * A few validator combinators, so every backend response is checked before a
 * widget trusts it. A schema library would cost more bytes than the whole
 * core budget allows; these cover what JSON can hold.
 */
export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || 'response'}: expected ${expected}`);
    this.name = 'SchemaError';
  }
}

export type Schema<T> = (value: unknown, path?: string) => T;
export type Infer<S> = S extends Schema<infer T> ? T : never;

function check<T>(ok: (v: unknown) => boolean, expected: string): Schema<T> {
  return (value, path = '') => {
    if (!ok(value)) throw new SchemaError(path, expected);
    return value as T;
  };
}

export const string = check<string>((v) => typeof v === 'string', 'a string');
export const number = check<number>((v) => typeof v === 'number' && Number.isFinite(v), 'a number');
export const integer = check<number>((v) => Number.isInteger(v), 'an integer');
export const boolean = check<boolean>((v) => typeof v === 'boolean', 'a boolean');

/** An ISO 8601 date or date-time that `Date` can read. */
export const isoDate = check<string>((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), 'an ISO date');

export function literal<const T extends readonly (string | number | boolean)[]>(...values: T): Schema<T[number]> {
  return check((v) => values.includes(v as T[number]), `one of ${values.join(', ')}`);
}

export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return (value, path) => (value === undefined || value === null ? undefined : schema(value, path));
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path) => (value === null ? null : schema(value, path));
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return (value, path = '') => {
    if (!Array.isArray(value)) throw new SchemaError(path, 'an array');
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

type Shape = Record<string, Schema<unknown>>;
type Optionals<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
export type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, Optionals<S>>]: Infer<S[K]> } & {
  [K in Optionals<S>]?: Infer<S[K]>;
};

/** Checks the listed fields and drops unknown ones, so extra backend fields never leak into state. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return (value, path = '') => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SchemaError(path, 'an object');
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      const field = schema((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (field !== undefined) out[key] = field;
    }
    return out as ObjectOf<S>;
  };
}

/** Any JSON object, passed on untouched: for payloads a library checks itself (e.g. a proof-of-work challenge). */
export const anyObject = check<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'an object');

/** For 204 responses and endpoints whose body the widget ignores. */
export const nothing: Schema<void> = () => undefined;
