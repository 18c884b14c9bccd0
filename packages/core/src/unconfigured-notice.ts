import type { TemplateResult } from 'lit';
import type { Locale } from './i18n/locale.js';
import { notice } from './parts/notices.js';

/** For web editors only, so it loads only on a page where a widget lacks its backend. */
const texts: Record<Locale, [title: string, body: string]> = {
  de: [
    'Dieses Element ist noch nicht eingerichtet',
    'Es fehlt die Adresse des Servers. Bitte geben Sie das Attribut „backend-url“ an oder umschließen Sie das Element mit <muni-provider backend-url="…">.',
  ],
  en: [
    'This element is not set up yet',
    'The server address is missing. Please set the "backend-url" attribute or wrap the element in <muni-provider backend-url="…">.',
  ],
};

/** Warns the page's developer once per widget and returns the widget's notice in any language. */
export function unconfiguredNotice(tag: string): (locale: Locale) => TemplateResult {
  console.warn(`muni-widgets: <${tag}> has no backend-url and no <muni-provider> around it.`);
  return (locale) => {
    const [title, body] = texts[locale];
    return notice({ variant: 'warning', title, body });
  };
}
