/**
 * The mount form for pages whose HTML filter strips unknown tags: CMS editors
 * (TYPO3's HTML sanitizer, WordPress KSES) may keep a `<div>` with `data-*`
 * attributes but drop `<muni-appointment-picker>`. The bundle turns
 *
 *   <div data-muni-widget="appointment-picker" data-backend-url="/api" data-office="kita">
 *
 * into that div holding `<muni-appointment-picker backend-url="/api" office="kita">`:
 * every `data-*` attribute but `data-muni-widget` becomes the attribute without
 * its `data-` prefix. The div stays, so the host's layout does too; what it held
 * (a no-script fallback link, say) is replaced by the widget.
 *
 * This module only notices such divs, in every bundle; the mounting itself
 * (mount-widgets.ts) is loaded only by pages that have one.
 *
 * Every bundle on the page runs this (each has its own copy of core), so the
 * work is marked on the div itself (`data-muni-mounted`): a second bundle, or
 * a second scan, never mounts twice. Divs whose widget is not registered yet
 * are left alone, because a per-widget bundle further down the page may still
 * define it; once the page has loaded, names that are still unknown get one
 * console warning each.
 */
/** Tags registered through defineElement, shared by every bundle on the page. */
const TAGS = Symbol.for('muni-widgets.mount.tags');
export const registeredTags: Set<string> = ((globalThis as typeof globalThis & { [TAGS]?: Set<string> })[TAGS] ??= new Set());

export const MOUNT_ATTRIBUTE = 'data-muni-widget';
export const MOUNTED_ATTRIBUTE = 'data-muni-mounted';
export const SELECTOR = `[${MOUNT_ATTRIBUTE}]:not([${MOUNTED_ATTRIBUTE}])`;

/** Called by defineElement: the tag may now be mounted from a `data-muni-widget` div. */
export function registerMountable(tag: string): void {
  if (tag === 'muni-provider' || !tag.startsWith('muni-')) return;
  registeredTags.add(tag);
  scheduleMount();
}

/** Loads the mounting code when `root` holds a div to mount, and mounts there. */
function mountIn(root: ParentNode): void {
  if ((root instanceof Element && root.matches(SELECTOR)) || root.querySelector(SELECTOR)) {
    void import('./mount-widgets.js').then((m) => m.mountWidgets(root));
  }
}

let scheduled = false;
let observer: MutationObserver | undefined;

/** One scan per microtask however many elements were defined, then watch for content added later. */
function scheduleMount(): void {
  const doc = globalThis.document;
  if (scheduled || !doc) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    mountIn(doc);
    watch(doc);
  });
}

/** CMS content loaded late (accordions, AJAX teasers, cookie-consent placeholders) mounts too. */
function watch(doc: Document): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') mountIn(record.target as Element);
      else for (const node of Array.from(record.addedNodes)) if (node instanceof Element) mountIn(node);
    }
  });
  observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: [MOUNT_ATTRIBUTE] });
}
