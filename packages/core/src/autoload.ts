/**
 * The all-in-one bundle's loader: it carries no widget, only this, and loads the definition of
 * each muni tag the page actually uses, the first time one appears: as an element
 * (`<muni-appointment-picker>`) or as a mount-form placeholder (`<div data-muni-widget=
 * "appointment-picker">`), in the HTML or added later (single-page apps, CMS previews, content
 * loaded on click). The idea is Shoelace's autoloader. Imports nothing, so the loader stays a
 * few hundred bytes; a loaded definition mounts its placeholders itself (mount.ts).
 * Each per-widget bundle carries its own Lit and core, so a page that starts with several
 * different tags loads the full bundle (every widget, Lit and core once) instead.
 */
import { MOUNT_ATTRIBUTE } from './mount.js';

/** Tag → the import of the module that defines it. */
export type TagLoaders = Readonly<Record<string, () => Promise<unknown>>>;

/**
 * From this many different widget tags at the first scan, the full bundle transfers less than the
 * per-widget bundles (bench/autoload-transfer.mjs: two widgets are at most 59 kB, the full bundle
 * 61 kB). `<muni-provider>` does not count: its bundle is 7 kB, and two small widgets with it are
 * 40 kB.
 */
export const FULL_BUNDLE_FROM = 3;

/** `full` imports the bundle that defines every tag of `loaders`. */
export function autoload(loaders: TagLoaders, full?: () => Promise<unknown>, doc: Document | undefined = globalThis.document): void {
  if (!doc) return;
  const requested = new Set<string>();
  const load = (tag: string) => {
    const loader = loaders[tag];
    if (!loader || requested.has(tag)) return;
    requested.add(tag);
    loader().catch((error: unknown) => {
      // A failed chunk (network, deploy in progress) is tried again when the tag next appears.
      requested.delete(tag);
      console.warn(`muni-widgets: <${tag}> could not be loaded.`, error);
    });
  };
  const initial = new Set<string>();
  let found = (tag: string): void => void (loaders[tag] && initial.add(tag));
  const consider = (element: Element) => {
    found(element.localName);
    const name = element.getAttribute(MOUNT_ATTRIBUTE);
    if (name !== null) found(`muni-${name.trim().toLowerCase()}`);
  };
  const selector = [...Object.keys(loaders), `[${MOUNT_ATTRIBUTE}]`].join(',');
  const discover = (root: Element | Document) => {
    if (root instanceof Element && root.matches(selector)) consider(root);
    for (const element of Array.from(root.querySelectorAll(selector))) consider(element);
  };
  discover(doc);
  found = load;
  if (full && initial.size - Number(initial.has('muni-provider')) >= FULL_BUNDLE_FROM) {
    // The full bundle defines every tag, also those added later.
    for (const tag in loaders) requested.add(tag);
    full().catch((error: unknown) => {
      requested.clear();
      console.warn('muni-widgets: the full bundle could not be loaded; loading each widget.', error);
      // Every tag on the page now, also those added while the full bundle was on its way.
      discover(doc);
    });
  } else initial.forEach(load);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') consider(record.target as Element);
      else for (const node of Array.from(record.addedNodes)) if (node instanceof Element) discover(node);
    }
  }).observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: [MOUNT_ATTRIBUTE] });
}
