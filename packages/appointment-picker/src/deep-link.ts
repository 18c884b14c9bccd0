import { FragmentRoute, readRoute, type Route } from '@muni-widgets/core';

/**
 * The picker's state in the page's URL fragment, so e-mail links and shared links lead back into
 * it: `#muni-appointment=activate:<token>`, `manage:<token>` or `service:<id>[,<id>]`.
 *
 * ZMS's own mails (zmsentities/templates/messaging) link to
 * `<urlAppointments>#/appointment/confirm/<base64>` to activate and
 * `<urlAppointments>#/appointment/<base64>` to manage; with `urlAppointments`
 * set to the widget's page those links work too, the base64 part being the token.
 */
export type DeepLink = { kind: 'activate' | 'manage'; token: string } | { kind: 'service'; ids: string[] };

const ZMS_LINK = /^#\/appointment\/(confirm\/)?([A-Za-z0-9+/=_%-]+)$/;

/** The picker's route in `hash`: its own key, or a ZMS mail link, which is the whole fragment. */
export function appointmentRoute(hash: string): Route | undefined {
  const zms = ZMS_LINK.exec(hash);
  try {
    return zms ? { kind: zms[1] ? 'activate' : 'manage', arg: decodeURIComponent(zms[2]!) } : readRoute(hash, 'muni-appointment');
  } catch {
    return undefined; // a broken percent-escape in a ZMS link
  }
}

export function readDeepLink(route: Route | undefined): DeepLink | undefined {
  const { kind, arg } = route ?? {};
  if (!arg) return undefined;
  if (kind === 'activate' || kind === 'manage') return { kind, token: arg };
  if (kind === 'service') return { kind, ids: arg.split(',').filter(Boolean) };
  return undefined;
}

/** Core's route under `muni-appointment`, which also understands (and, once read, removes) ZMS mail links. */
export class AppointmentRoute extends FragmentRoute {
  override get route(): Route | undefined {
    return appointmentRoute(location.hash);
  }

  override go(route?: Route, push?: boolean): void {
    if (ZMS_LINK.test(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
    super.go(route, push);
  }
}
