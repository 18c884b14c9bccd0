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
  if (globalThis.customElements?.get('muni-provider')) return undefined;
  // Up through shadow roots too: a widget may sit in another component inside the provider.
  for (let node: Node | null = widget; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node.nodeName === 'MUNI-PROVIDER') {
      return import('./define.js').then(
        () => undefined,
        (error: unknown) => console.warn('muni-widgets: <muni-provider> could not be loaded.', error),
      );
    }
  }
  return undefined;
}
