/**
 * The "my number" form of the office view: number and code as printed on the ticket. Loaded
 * beside the first state, and not at all on the display or when a link names the number.
 */
import { html, type TemplateResult } from 'lit';
import { button, textField, type Translate } from '@muni-widgets/core';
import type { QueueMessages } from '../i18n/messages.js';
import type { TicketRef } from '../provider.js';
import { CODE_PATTERN, NUMBER_PATTERN } from '../ticket-link.js';

export interface FormState {
  number: string;
  code: string;
  numberError: string;
  codeError: string;
}

/** "a 42" → "A-042"; errors in the widget's language, empty when fine. */
export function check(form: FormState, t: Translate<QueueMessages>): { form: FormState; ref?: TicketRef } {
  const number = form.number.trim().toUpperCase().replace(/^([A-Z])\s*-?\s*(\d+)$/, (_, g: string, n: string) => `${g}-${n.padStart(3, '0')}`);
  const code = form.code.trim().toUpperCase();
  const numberError = NUMBER_PATTERN.test(number) ? '' : t('numberInvalid');
  const codeError = CODE_PATTERN.test(code) ? '' : t('codeInvalid');
  return { form: { number, code, numberError, codeError }, ...(numberError || codeError ? {} : { ref: { number, code } }) };
}

export function myNumberForm(t: Translate<QueueMessages>, f: FormState, onChange: (patch: Partial<FormState>) => void, onSubmit: (event: Event) => void): TemplateResult {
  return html`<form class="my-number" novalidate @submit=${onSubmit}>
    <h3>${t('myNumber')}</h3>
    <p class="muted">${t('myNumberHint')}</p>
    <div class="fields">
      ${textField({ id: 'queue-number', label: t('number'), value: f.number, error: f.numberError, required: true, autocomplete: 'off', maxlength: 8, onInput: (number) => onChange({ number }) })}
      ${textField({ id: 'queue-code', label: t('code'), value: f.code, error: f.codeError, required: true, autocomplete: 'off', maxlength: 6, onInput: (code) => onChange({ code }) })}
    </div>
    ${button({ label: t('show'), type: 'submit', part: 'show-button' })}
  </form>`;
}
