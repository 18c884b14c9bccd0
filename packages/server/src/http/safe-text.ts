/**
 * Which characters a request may carry in its texts. PostgreSQL refuses U+0000 in `text`
 * ("invalid byte sequence") and lone surrogates in `jsonb` ("unsupported Unicode escape
 * sequence"); other control characters are invisible, break mails and logs and have no place in
 * a form. So every string of every request (parameters, headers, JSON bodies at any depth,
 * object keys included) is checked here once, after it was parsed and before a handler sees it:
 *
 * - never: C0 controls, DEL, C1 controls, lone surrogates;
 * - line breaks and tabs (U+0009, U+000A, U+000D, U+2028, U+2029) only in fields whose schema
 *   was made with `multilineText`; everything else is single-line.
 */
import { z } from '@hono/zod-openapi';
import type { FieldError } from './problem.js';

type Schema = z.core.$ZodType;

const MULTILINE = new WeakSet<Schema>();

/**
 * A free text that may span several lines (descriptions, notes). Mark the finished schema:
 * anything chained after this call (other than `.optional()`, `.nullable()`, `.default()`)
 * makes a new schema that is single-line again.
 */
export function multilineText<T extends z.ZodString>(schema: T): T {
  const marked = schema.openapi({ 'x-multiline': true, description: withMultilineNote(schema.description) }) as T;
  MULTILINE.add(marked);
  return marked;
}

function withMultilineNote(description: string | undefined): string {
  const note = 'Mehrzeilig: Zeilenumbrüche und Tabulatoren sind erlaubt.';
  return description ? `${description} ${note}` : note;
}

const LINE_BREAKS = new Set([0x09, 0x0a, 0x0d, 0x2028, 0x2029]);

/** The first character `value` may not contain, with its position (1-based), or undefined. */
export function forbiddenCharacter(value: string, multiline: boolean): { codePoint: number; position: number; lineBreak: boolean } | undefined {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { codePoint: unit, position: i + 1, lineBreak: false };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { codePoint: unit, position: i + 1, lineBreak: false };
    if (LINE_BREAKS.has(unit)) {
      if (multiline) continue;
      return { codePoint: unit, position: i + 1, lineBreak: true };
    }
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return { codePoint: unit, position: i + 1, lineBreak: false };
  }
  return undefined;
}

export function forbiddenCharacterMessage(found: { codePoint: number; position: number; lineBreak: boolean }): string {
  const at = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, '0')} an Stelle ${found.position}`;
  if (found.lineBreak) return `Darf keinen Zeilenumbruch und keinen Tabulator enthalten (${at}).`;
  if (found.codePoint >= 0xd800 && found.codePoint <= 0xdfff) return `Enthält ein unvollständiges Unicode-Zeichen (${at}).`;
  return `Enthält ein unsichtbares Steuerzeichen (${at}).`;
}

/**
 * Field errors for every string in `value` (the parsed output of `schema`) that holds a
 * forbidden character. Iterative, so no input can exhaust the stack.
 */
export function unsafeTextErrors(schema: Schema | undefined, value: unknown, limit = 20): Array<{ path: PropertyKey[]; message: string }> {
  const errors: Array<{ path: PropertyKey[]; message: string }> = [];
  const stack: Array<{ schema: Schema | undefined; value: unknown; path: PropertyKey[] }> = [{ schema, value, path: [] }];
  while (stack.length > 0 && errors.length < limit) {
    const item = stack.pop()!;
    const current = unwrap(item.schema, item.value);
    if (typeof item.value === 'string') {
      const found = forbiddenCharacter(item.value, current !== undefined && MULTILINE.has(current));
      if (found) errors.push({ path: item.path, message: forbiddenCharacterMessage(found) });
    } else if (Array.isArray(item.value)) {
      item.value.forEach((entry, index) => stack.push({ schema: childSchema(current, index), value: entry, path: [...item.path, index] }));
    } else if (item.value !== null && typeof item.value === 'object') {
      for (const [key, entry] of Object.entries(item.value)) {
        const found = forbiddenCharacter(key, false);
        if (found) errors.push({ path: [...item.path, key], message: `Der Name dieses Feldes: ${forbiddenCharacterMessage(found)}` });
        stack.push({ schema: childSchema(current, key), value: entry, path: [...item.path, key] });
      }
    }
  }
  return errors;
}

export function textFieldErrors(schema: Schema | undefined, value: unknown, fieldName: (path: readonly PropertyKey[]) => string): FieldError[] {
  return unsafeTextErrors(schema, value).map(({ path, message }) => ({ field: fieldName(path), code: 'invalid_characters', message }));
}

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;

/** The schema that describes `value` once wrappers (optional, default, pipes, unions) are peeled off. */
function unwrap(schema: Schema | undefined, value: unknown): Schema | undefined {
  for (let depth = 0; schema && depth < 32; depth++) {
    const def = defOf(schema);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        schema = def['innerType'] as Schema;
        break;
      case 'lazy':
        schema = (def['getter'] as () => Schema)();
        break;
      case 'pipe': {
        // After a transform the output's shape is the transform's business; its input is the best guide.
        const out = def['out'] as Schema;
        schema = defOf(out).type === 'transform' ? (def['in'] as Schema) : out;
        break;
      }
      case 'union':
        schema = (def['options'] as Schema[]).find((option) => KINDS[kindOf(value)].includes(defOf(unwrap(option, value) ?? option).type));
        break;
      default:
        return schema;
    }
  }
  return schema;
}

const KINDS = { string: ['string'], array: ['array', 'tuple'], object: ['object', 'record'], other: [] as string[] };
const kindOf = (value: unknown): keyof typeof KINDS =>
  typeof value === 'string' ? 'string' : Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : 'other';

function childSchema(schema: Schema | undefined, key: string | number): Schema | undefined {
  if (!schema) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return (def['shape'] as Record<string, Schema>)[key] ?? (def['catchall'] as Schema | undefined);
    case 'record':
      return def['valueType'] as Schema;
    case 'array':
      return def['element'] as Schema;
    case 'tuple':
      return (def['items'] as Schema[])[Number(key)] ?? (def['rest'] as Schema | undefined);
    default:
      return undefined;
  }
}
