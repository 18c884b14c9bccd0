/**
 * The picker's state in the page's URL fragment, so e-mail links and shared
 * links lead back into it: `#muni-appointment=activate:<token>`,
 * `manage:<token>` or `service:<id>[,<id>]`. The fragment never reaches the
 * city's web server, so tokens stay out of its logs.
 *
 * ZMS's own mails (zmsentities/templates/messaging) link to
 * `<urlAppointments>#/appointment/confirm/<base64>` to activate and
 * `<urlAppointments>#/appointment/<base64>` to manage; with `urlAppointments`
 * set to the widget's page those links work too, the base64 part being the token.
 */
export type DeepLink = { kind: 'activate' | 'manage'; token: string } | { kind: 'service'; ids: string[] };

const KEY = 'muni-appointment';
const ZMS_LINK = /^#\/appointment\/(confirm\/)?([A-Za-z0-9+/=_%-]+)$/;

export function readDeepLink(hash: string): DeepLink | undefined {
  const zms = ZMS_LINK.exec(hash);
  if (zms) return { kind: zms[1] ? 'activate' : 'manage', token: decodeURIComponent(zms[2]!) };
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(KEY);
  if (!value) return undefined;
  const [kind, ...rest] = value.split(':');
  const arg = rest.join(':');
  if (!arg) return undefined;
  if (kind === 'activate' || kind === 'manage') return { kind, token: arg };
  if (kind === 'service') return { kind, ids: arg.split(',').filter(Boolean) };
  return undefined;
}

/** Removes the picker's part of the fragment, keeping anything else the page put there. */
export function withoutDeepLink(hash: string): string {
  if (ZMS_LINK.test(hash)) return '';
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete(KEY);
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}
