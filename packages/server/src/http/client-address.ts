import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * The address a request came from, for rate limiting only (never logged). Behind reverse
 * proxies the socket address is the proxy's; each trusted proxy appends the address it
 * received the request from to X-Forwarded-For, so the client is `trustProxyHops` entries from
 * the right. Entries further left were written by the client and cannot be trusted.
 */
export function clientAddress(c: Context<AppEnv>, trustProxyHops: number): string {
  const socketAddress = c.env?.incoming?.socket.remoteAddress ?? 'unknown';
  if (trustProxyHops === 0) return socketAddress;
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded.at(-trustProxyHops) ?? socketAddress;
}
