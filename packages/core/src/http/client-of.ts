import type { Locale } from '../i18n/locale.js';
import { HttpClient } from './http-client.js';

/** What a widget knows that its client depends on. */
export interface ClientHost {
  readonly effectiveBackendUrl: string | undefined;
  readonly effectiveLocale: Locale;
}

const clients = new WeakMap<ClientHost, { key: string; client: HttpClient }>();

/**
 * One client per widget, backend and language, so retries and aborts stay with their widget.
 * A free function rather than a getter on MuniElement: a widget that calls its backend only on
 * the citizen's action (the payment button) can then load the client with its provider, lazily.
 */
export function clientOf(host: ClientHost): HttpClient {
  const baseUrl = host.effectiveBackendUrl ?? '';
  const key = `${baseUrl}|${host.effectiveLocale}`;
  let cached = clients.get(host);
  if (cached?.key !== key) clients.set(host, (cached = { key, client: new HttpClient({ baseUrl, locale: host.effectiveLocale }) }));
  return cached.client;
}
