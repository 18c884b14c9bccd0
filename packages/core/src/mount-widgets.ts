/**
 * The mounting behind the mount form (see mount.ts), loaded only by pages that use it.
 */
import { MOUNT_ATTRIBUTE, MOUNTED_ATTRIBUTE, SELECTOR, registeredTags } from './mount.js';

/** Unknown names already warned about, shared by every bundle on the page. */
const WARNED = Symbol.for('muni-widgets.mount.warned');
const warnedNames: Set<string> = ((globalThis as typeof globalThis & { [WARNED]?: Set<string> })[WARNED] ??= new Set());

/**
 * The tag for a `data-muni-widget` value, or undefined when no muni widget of that name is
 * registered. Only names registered through defineElement count, so `../x` or `script` never do.
 */
function tagFor(name: string): string | undefined {
  const tag = `muni-${name.trim().toLowerCase()}`;
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
      console.warn(`muni-widgets: data-muni-widget="${name}" names no muni widget on this page (spelling? bundle loaded?)`);
    }
  };
  if (doc.readyState === 'complete') setTimeout(check, 0);
  else globalThis.addEventListener('load', () => setTimeout(check, 0), { once: true });
}
