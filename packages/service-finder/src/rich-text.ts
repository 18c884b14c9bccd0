import type { DOMPurify } from 'dompurify';

/**
 * Catalog markup (DLDB, XZuFi) as inert DOM. DOMPurify is loaded only when a service actually
 * has markup, so catalogs in plain text (the reference server's) never download it. The result
 * is a fragment, not a string: nothing goes through innerHTML, which keeps Trusted Types happy
 * without a policy of our own.
 */

const ALLOWED_TAGS = ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a', 'span', 'abbr', 'dl', 'dt', 'dd'];
const ALLOWED_ATTR = ['href', 'title', 'lang'];

let purifier: Promise<DOMPurify> | undefined;

function loadPurifier(): Promise<DOMPurify> {
  purifier ??= import('dompurify').then(({ default: factory }) => {
    // An instance of our own, so our hook never touches a DOMPurify the host page uses.
    const purify = factory(window);
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node instanceof HTMLAnchorElement) node.rel = 'noopener noreferrer';
    });
    return purify;
  });
  return purifier;
}

export interface RichTextOptions {
  /** Kiosk terminals must not leave the page: links become their text followed by the address. */
  linksAsText?: boolean;
}

export async function sanitizedFragment(markup: string, options: RichTextOptions = {}): Promise<DocumentFragment> {
  const purify = await loadPurifier();
  const fragment = purify.sanitize(markup, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i, RETURN_DOM_FRAGMENT: true });
  // Berlin's DLDB writes "<ul><li>…</li><br /></ul>": a list may hold only items, for screen readers too.
  for (const stray of fragment.querySelectorAll(':is(ul, ol) > :not(li)')) stray.remove();
  if (options.linksAsText) {
    for (const link of fragment.querySelectorAll('a')) {
      const address = link.getAttribute('href');
      link.replaceWith(document.createTextNode(address && address !== link.textContent ? `${link.textContent} (${address})` : (link.textContent ?? '')));
    }
  }
  return fragment;
}
