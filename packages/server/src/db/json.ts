/** A jsonb column as an object: node-postgres parses jsonb itself, PGlite may hand over the text. */
export function parsed<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
