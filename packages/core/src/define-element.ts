/**
 * Registers a custom element once. Editors paste snippets into pages they do
 * not control: the same bundle can arrive twice, or a per-widget bundle next
 * to the full one. `customElements.define` throws on a second definition, so
 * registration checks first and warns instead of breaking the page.
 * It also schedules the mount form (`data-muni-widget`, see mount.ts).
 */
import { registerMountable } from './mount.js';

const WARNED = Symbol.for('muni-widgets.define.warned');

type Marked = CustomElementConstructor & { [WARNED]?: boolean };

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return; // server-side rendering or a very old browser: nothing to register
  const existing = registry.get(tag) as Marked | undefined;
  // Either way the tag is defined now: `<div data-muni-widget="…">` placeholders for it can mount.
  registerMountable(tag);
  if (!existing) {
    registry.define(tag, ctor);
    return;
  }
  // The flag lives on the registered constructor, the one thing every bundle
  // on the page shares, so the warning appears once however many bundles load.
  if (existing === ctor || existing[WARNED]) return;
  existing[WARNED] = true;
  console.warn(`muni-widgets: <${tag}> is already defined, probably by another muni-widgets bundle on this page; the first one stays. Load one bundle per page.`);
}
