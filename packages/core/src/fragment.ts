/**
 * The widgets' shared state in the page's URL fragment, the one format for all of them and for
 * the server's mail and return links: `#<key>=<kind>[:<arg>]&<key>=…`, for example
 * `#muni-service=az&muni-queue=ticket:A-042.K7M2P9`. A writer only ever touches its own key: the
 * page's anchors and other widgets' parts stay as they were, byte for byte. The fragment never
 * reaches the city's web server, so tokens in it stay out of its logs.
 *
 * Free of the DOM: the server imports it as `@muni-widgets/core/fragment`.
 */

/** Every key a widget owns; a new widget adds its own here. */
export type FragmentKey = 'muni-appointment' | 'muni-service' | 'muni-found-item' | 'muni-payment' | 'muni-queue';

/** `service:personalausweis` is `{ kind: 'service', arg: 'personalausweis' }`; `az` has no `arg` (read: ''). */
export interface Route {
  kind: string;
  arg?: string;
}

/**
 * The route under `key`; undefined when absent or empty. Decoding is lenient (a broken escape
 * stays as it is) and takes `+` for a space, as links written before this codec had it.
 */
export function readRoute(hash: string, key: FragmentKey): Route | undefined {
  const [kind, ...arg] = (new URLSearchParams(hash.slice(1)).get(key) ?? '').split(':');
  return kind ? { kind, arg: arg.join(':') } : undefined;
}

/** `hash` with `route` under `key` (none: the key removed); '' when nothing is left. */
export function writeRoute(hash: string, key: FragmentKey, route?: Route): string {
  const kept = hash.slice(1).split('&').filter((part) => part && part.split('=', 1)[0] !== key);
  // Readable where it is safe: the kind's colon and the commas between ids.
  if (route) kept.push(`${key}=${encodeURIComponent(route.arg ? `${route.kind}:${route.arg}` : route.kind).replace(/%3A|%2C/g, decodeURIComponent)}`);
  return kept.length ? `#${kept.join('&')}` : '';
}

/** `pageUrl` with `route` under `key`: the links in mails, back from the pay platform, to another page's widget. */
export function routeLink(pageUrl: string, key: FragmentKey, route: Route): string {
  const url = new URL(pageUrl);
  url.hash = writeRoute(url.hash, key, route);
  return url.href;
}
