/**
 * The platform sends the citizen back to the page with `#muni-payment=<id>`. The id only says
 * which payment to ask about; its outcome always comes from the server, never from the URL.
 */
const KEY = 'muni-payment';

export function returnedPaymentId(hash: string): string | undefined {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get(KEY);
  return id && /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : undefined;
}

/** Removes the id once handled, so a reload or a shared link does not ask again. */
export function withoutReturnedPayment(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete(KEY);
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

/** This page without any fragment: where the platform should send the citizen back to. */
export function returnUrl(): string {
  const url = new URL(location.href);
  url.hash = '';
  return url.href;
}
