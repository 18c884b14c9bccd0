/**
 * Which platform a request's payment goes to, and over which `fetch`:
 *
 * - PAYMENT_PLATFORM_URL set: that platform, over the network.
 * - else, with the sandbox on: this server's own sandbox, over HTTP to the server's own
 *   listening address (`selfUrl`, known once it listens) exactly like a real platform;
 * - without a socket (tests driving `app.request`), the same HTTP requests handed to the app
 *   in-process, addressed to the request's origin so the pay page links the test follows work.
 */
import type { Context } from 'hono';
import type { PaymentConfig } from '../config.js';
import type { PaymentPlatform } from './platform.js';
import { SANDBOX_API_PREFIX } from './sandbox-platform.js';
import { xbezahldiensteClient, type FetchLike } from './xbezahldienste-client.js';

export type PaymentPlatformFor = (c: Context) => PaymentPlatform | undefined;

export function paymentPlatformResolver(options: {
  config: PaymentConfig;
  /** The server's own base URL once it listens; undefined while there is no socket. */
  selfUrl?: () => string | undefined;
  /** Replaces the network (tests: failures, delays). */
  fetch?: FetchLike;
  /** Hands a request to the app itself, for the sandbox without a socket. */
  inProcess: FetchLike;
}): PaymentPlatformFor {
  const { config } = options;
  return (c) => {
    const self = options.selfUrl?.();
    let baseUrl: string;
    let fetch: FetchLike | undefined = options.fetch;
    if (config.platformUrl) {
      baseUrl = config.platformUrl;
    } else if (config.sandbox) {
      baseUrl = `${self ?? new URL(c.req.url).origin}${SANDBOX_API_PREFIX}`;
      // The request's Host header only ever names the in-process app, never a network target.
      if (!self) fetch ??= options.inProcess;
    } else {
      return undefined;
    }
    return xbezahldiensteClient({
      baseUrl,
      originatorId: config.originatorId,
      endpointId: config.endpointId,
      ...(config.credentials ? { credentials: config.credentials } : {}),
      timeoutMs: config.timeoutMs,
      ...(fetch ? { fetch } : {}),
    });
  };
}
