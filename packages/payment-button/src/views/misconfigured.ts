import { html, type TemplateResult } from 'lit';
import { notice, type Locale } from '@muni-widgets/core';
import type { RequestProblem } from '../payment-request.js';
import { describeProblem, misconfiguredTitle } from '../i18n/editor-problems.js';

/**
 * What a web editor sees instead of the button when its attributes break the platform's rules:
 * every problem at once, on the page and in the console. A module of its own, loaded only for a
 * misconfigured button, so citizens on a correct page never download it.
 */
export function misconfiguredNotice(problems: RequestProblem[], locale: Locale): TemplateResult {
  const texts = problems.map((p) => describeProblem(p, locale));
  console.error(`muni-widgets: <muni-payment-button> cannot take payments: ${texts.join(' ')}`);
  return notice({
    variant: 'warning',
    title: misconfiguredTitle[locale],
    body: html`<ul>
      ${texts.map((text) => html`<li>${text}</li>`)}
    </ul>`,
  });
}
