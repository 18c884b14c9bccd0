/**
 * `<muni-provider>` is defined only on pages that use it: a widget bundle does not carry the
 * provider (and @lit/context's provider side) for the many pages that configure the widget
 * by its own attributes. A widget that finds itself inside a provider not defined yet loads
 * the definition and waits for it, then asks for its configuration again.
 *
 * Resolves once the provider is defined (or could not be loaded: the widget then runs on its
 * own attributes); `undefined` when there is nothing to wait for.
 */
export function providerArrival(widget: Element): Promise<void> | undefined {
  if (globalThis.customElements?.get('muni-provider') || !insideProvider(widget)) return undefined;
  return import('./define.js').then(
    () => undefined,
    (error: unknown) => console.warn('muni-widgets: <muni-provider> could not be loaded.', error),
  );
}

/**
 * Whether a `<muni-provider>` is on the way a context request travels from `node`: into the
 * slot an element is assigned to and out of shadow roots to their hosts, so a provider inside
 * another component's shadow root around a slot counts, as does one outside a component the
 * widget sits in.
 */
export function insideProvider(node: Node): boolean {
  for (let at: Node | null = node; at; at = (at as Element).assignedSlot ?? at.parentNode ?? (at as ShadowRoot).host ?? null) {
    if (at.nodeName === 'MUNI-PROVIDER') return true;
  }
  return false;
}
