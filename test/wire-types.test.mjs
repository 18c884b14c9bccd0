// The checked-in client wire types must be what the server's OpenAPI document generates today:
// a changed route schema fails here until `node scripts/openapi-types.mjs` is run (after the build).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { WIRE_TYPES_FILE, openApiDocument, wireTypes } from '../scripts/openapi-types.mjs';

test('packages/core/src/wire/api.ts is generated from the current OpenAPI document', async () => {
  const fresh = await wireTypes(await openApiDocument());
  assert.ok(readFileSync(WIRE_TYPES_FILE, 'utf8') === fresh, 'stale wire types: run `node scripts/openapi-types.mjs` after the build and commit the result');
});
