// Size budgets are deterministic bytes, so unlike speed they may be checked in tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureBundles } from '../bench/size.mjs';

for (const bundle of measureBundles()) {
  test(`${bundle.file} stays within its min+gzip budget`, () => {
    assert.ok(bundle.budget !== undefined, `${bundle.file} has no budget in bench/size-budgets.json`);
    assert.ok(bundle.gzip <= bundle.budget, `${bundle.file} is ${bundle.gzip} B min+gzip, budget ${bundle.budget} B`);
  });
}
