import { html, type TemplateResult } from 'lit';
import { button, formatLongDate, formatTime, notice, translator, type Locale } from '@muni-widgets/core';
import type { Slot } from '../provider.js';
import { previousKeptMessages } from '../i18n/previous-kept-messages.js';
import type { StepContext } from './context.js';

export { previousKeptMessages };

export const keptT = (locale: Locale) => translator(previousKeptMessages, locale);

/**
 * A reschedule that booked anew but could not cancel the old appointment (ZMS): the new one
 * stands, the old one is still booked, and the citizen can cancel it right here. Rare, so
 * it is a chunk of its own, loaded before a reschedule moves anything.
 */
export function renderPreviousKept(p: StepContext, slot: Slot): TemplateResult {
  const t = keptT(p.locale);
  const zone = { locale: p.locale, timeZone: p.timeZone };
  return html`${notice({
    variant: 'warning',
    title: t('title'),
    body: t('body', { when: `${formatLongDate(slot.start, zone)}, ${formatTime(slot.start, zone)}` }),
    actions: button({ id: 'cancel-previous', label: t('cancel'), busy: p.busy, onClick: () => p.act('cancelPrevious') }),
  })}`;
}
