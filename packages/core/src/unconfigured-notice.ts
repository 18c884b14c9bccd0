import type { TemplateResult } from 'lit';
import type { Locale } from './i18n/locale.js';
import { notice } from './parts/notices.js';

/** For web editors only, so it loads only on a page where a widget lacks its backend or has a wrong one. */
const texts: Record<Locale, [title: string, missing: string, withoutApi: string]> = {
  de: [
    'Dieses Element ist noch nicht eingerichtet',
    'Es fehlt die Adresse des Servers. Bitte geben Sie das Attribut „backend-url“ an oder umschließen Sie das Element mit <muni-provider backend-url="…">.',
    'Die Adresse des Servers („backend-url“) muss /api enthalten, z. B. https://termine.musterstadt.de/api.',
  ],
  en: [
    'This element is not set up yet',
    'The server address is missing. Please set the "backend-url" attribute or wrap the element in <muni-provider backend-url="…">.',
    'The server address ("backend-url") must contain /api, e.g. https://termine.musterstadt.de/api.',
  ],
};

/** Warns the page's developer once per widget and setting, and returns the widget's notice in any language. */
export function unconfiguredNotice(tag: string): (locale: Locale, backendUrl: string | undefined) => TemplateResult {
  let warned: string | undefined | null = null;
  return (locale, backendUrl) => {
    if (warned !== backendUrl) {
      warned = backendUrl;
      console.warn(
        backendUrl === undefined
          ? `muni-widgets: <${tag}> has no backend-url and no <muni-provider> around it.`
          : `muni-widgets: <${tag}> has backend-url="${backendUrl}", without /api (where the server's API lives).`,
      );
    }
    const [title, missing, withoutApi] = texts[locale];
    return notice({ variant: 'warning', title, body: backendUrl === undefined ? missing : withoutApi });
  };
}
