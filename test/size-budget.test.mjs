// Size budgets are deterministic bytes, so unlike speed they may be checked in tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUTOLOAD_OVERHEAD_BUDGET, autoloaded, measureBundles } from '../bench/size.mjs';

for (const bundle of measureBundles()) {
  test(`${bundle.file} stays within its min+gzip budget`, () => {
    assert.ok(bundle.budget !== undefined, `${bundle.file} has no budget in bench/size-budgets.json`);
    assert.ok(bundle.gzip <= bundle.budget, `${bundle.file} is ${bundle.gzip} B min+gzip, budget ${bundle.budget} B`);
  });
}

for (const bundle of measureBundles().filter((b) => !b.file.startsWith('muni-widgets'))) {
  const tag = bundle.file.slice(0, -'.js'.length);
  test(`a page using only <${tag}> through muni-widgets.js transfers at most its own bundle + ${AUTOLOAD_OVERHEAD_BUDGET} B`, () => {
    const path = autoloaded(tag);
    assert.ok(path.gzip <= path.own + AUTOLOAD_OVERHEAD_BUDGET, `${path.files.join(' + ')}: ${path.gzip} B min+gzip, own bundle ${path.own} B`);
  });
}
