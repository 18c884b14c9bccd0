import { html, type TemplateResult } from 'lit';
import { formatLongDate, formatTime } from '@muni-widgets/core';
import type { StepContext } from './context.js';
import type { AppointmentOffice, ServiceRequest, Slot } from '../provider.js';

/** What, when and where: shown before sending, after confirming and when managing. */
export function appointmentSummary(p: StepContext, services: Array<ServiceRequest & { name: string }>, slot: Slot, office: AppointmentOffice | undefined): TemplateResult {
  const t = p.t;
  const zone = { locale: p.locale, timeZone: p.timeZone };
  return html`<dl class="summary" part="summary">
    <dt>${t('summaryService')}</dt>
    <dd>${services.map((s) => html`${s.name}${s.count > 1 ? ` (${s.count})` : ''}<br />`)}</dd>
    <dt>${t('summaryWhen')}</dt>
    <dd>${formatLongDate(slot.start, zone)}, ${formatTime(slot.start, zone)}</dd>
    ${office
      ? html`<dt>${t('summaryWhere')}</dt>
          <dd>${office.name}<br />${office.street}<br />${office.postalCode} ${office.city}</dd>`
      : ''}
  </dl>`;
}
