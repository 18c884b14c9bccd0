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
 * Every bundle on the page runs this (each has its own copy of core), so the
 * work is marked on the div itself (`data-muni-mounted`): a second bundle, or
 * a second scan, never mounts twice. Divs whose widget is not registered yet
 * are left alone, because a per-widget bundle further down the page may still
 * define it; once the page has loaded, names that are still unknown get one
 * console warning each.
 */

/** Tags registered through defineElement, shared by every bundle on the page. */
const TAGS = Symbol.for('muni-widgets.mount.tags');
/** Unknown names already warned about, shared by every bundle on the page. */
const WARNED = Symbol.for('muni-widgets.mount.warned');

type Shared = typeof globalThis & { [TAGS]?: Set<string>; [WARNED]?: Set<string> };

const shared = globalThis as Shared;
const registeredTags = (shared[TAGS] ??= new Set());
const warnedNames = (shared[WARNED] ??= new Set());

export const MOUNT_ATTRIBUTE = 'data-muni-widget';
export const MOUNTED_ATTRIBUTE = 'data-muni-mounted';
const SELECTOR = `[${MOUNT_ATTRIBUTE}]:not([${MOUNTED_ATTRIBUTE}])`;
/** `appointment-picker`, not `<script>` or `../x`: a lowercase custom-element name part. */
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Tags that make no sense as a mount target: the provider only wraps other content. */
const NOT_MOUNTABLE = new Set(['muni-provider']);

/** Called by defineElement: the tag may now be mounted from a `data-muni-widget` div. */
export function registerMountable(tag: string): void {
  if (NOT_MOUNTABLE.has(tag) || !tag.startsWith('muni-')) return;
  registeredTags.add(tag);
  scheduleMount();
}

/** The tag for a `data-muni-widget` value, or undefined when no muni widget of that name is registered. */
function tagFor(name: string): string | undefined {
  const tag = `muni-${name.trim().toLowerCase()}`;
  if (!NAME.test(name.trim().toLowerCase())) return undefined;
  return registeredTags.has(tag) && globalThis.customElements?.get(tag) ? tag : undefined;
}

/** Mounts one div; returns false when its widget is (still) unknown. */
function mountOne(host: Element): boolean {
  if (host.hasAttribute(MOUNTED_ATTRIBUTE)) return true;
  const name = host.getAttribute(MOUNT_ATTRIBUTE) ?? '';
  const tag = tagFor(name);
  if (!tag) return false;
  host.setAttribute(MOUNTED_ATTRIBUTE, '');
  const widget = host.ownerDocument.createElement(tag);
  for (const { name: attr, value } of Array.from(host.attributes)) {
    if (!attr.startsWith('data-') || attr === MOUNT_ATTRIBUTE || attr === MOUNTED_ATTRIBUTE) continue;
    const target = attr.slice('data-'.length);
    // setAttribute throws on names the HTML parser allowed but the DOM API does not; skip those.
    try {
      widget.setAttribute(target, value);
    } catch {
      /* not a valid attribute name: ignore it like the filter would */
    }
  }
  host.replaceChildren(widget);
  return true;
}

/**
 * Mounts every not yet mounted `[data-muni-widget]` element in `root` (default:
 * the document). Safe to call any number of times, from any bundle.
 */
export function mountWidgets(root: ParentNode | undefined = globalThis.document): void {
  if (!root) return;
  const candidates: Element[] = [];
  if (root instanceof Element && root.matches(SELECTOR)) candidates.push(root);
  candidates.push(...Array.from(root.querySelectorAll(SELECTOR)));
  let unknown = false;
  for (const host of candidates) if (!mountOne(host)) unknown = true;
  if (unknown) warnUnknownWhenLoaded();
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
    mountWidgets(doc);
    watch(doc);
  });
}

/** CMS content loaded late (accordions, AJAX teasers, cookie-consent placeholders) mounts too. */
function watch(doc: Document): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        mountWidgets(record.target as Element);
        continue;
      }
      for (const node of Array.from(record.addedNodes)) if (node instanceof Element) mountWidgets(node);
    }
  });
  observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: [MOUNT_ATTRIBUTE] });
}

let warnPending = false;

/** After the page (and every bundle on it) has loaded: one warning per name nothing registered. */
function warnUnknownWhenLoaded(): void {
  const doc = globalThis.document;
  if (warnPending || !doc) return;
  warnPending = true;
  const check = () => {
    warnPending = false;
    for (const host of Array.from(doc.querySelectorAll(SELECTOR))) {
      const name = host.getAttribute(MOUNT_ATTRIBUTE) ?? '';
      if (tagFor(name) || warnedNames.has(name)) continue;
      warnedNames.add(name);
      console.warn(
        `muni-widgets: data-muni-widget="${name}" names no muni widget on this page. ` +
          'Check the spelling (e.g. "appointment-picker") and that the bundle for it is loaded.',
      );
    }
  };
  if (doc.readyState === 'complete') setTimeout(check, 0);
  else globalThis.addEventListener('load', () => setTimeout(check, 0), { once: true });
}
