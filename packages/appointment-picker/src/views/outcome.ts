import { html, nothing, type TemplateResult } from 'lit';
import { button, loading, notice } from '@muni-widgets/core';
import type { StepContext } from './context.js';
import { appointmentIcs } from '../ics.js';
import { appointmentSummary } from './summary.js';

/** Offers the calendar file as a download without putting any token into a URL. */
function downloadIcs(p: StepContext): void {
  const url = URL.createObjectURL(new Blob([appointmentIcs(p.appointment!)], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'termin.ics';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function heading(text: string): TemplateResult {
  return html`<h3 id="step-heading" class="step__title" tabindex="-1">${text}</h3>`;
}

/** The steps after sending: activation mail sent, confirmed, managing, cancelled, or a dead link. */
export function renderOutcome(p: StepContext): TemplateResult {
  const t = p.t;
  const appointment = p.appointment;
  switch (p.step) {
    case 'activating':
      return p.error ? html`` : loading(t('activating'));
    case 'sent':
      return html`<div class="step stack">
        ${heading(t('sentTitle'))}
        <p>${t('sentBody', { email: p.contact.email.trim() })}</p>
      </div>`;
    case 'link-error':
      return html`<div class="step stack">
        ${heading(t('linkExpired'))} ${button({ label: t('newBooking'), onClick: () => p.act('restart') })}
      </div>`;
    case 'cancelled':
      return html`<div class="step stack">
        ${heading(t('cancelledTitle'))}
        <p>${t('cancelledBody')}</p>
        ${button({ label: t('newBooking'), onClick: () => p.act('restart') })}
      </div>`;
    default:
      if (!appointment) return html``;
  }
  const title = p.step === 'confirmed' ? t('confirmedTitle') : p.rescheduled ? t('rescheduledTitle') : t('manageTitle');
  const cancelled = appointment.status === 'cancelled';
  return html`<div class="step stack">
    ${heading(title)} ${p.step === 'confirmed' ? html`<p>${t('confirmedBody')}</p>` : nothing}
    ${appointmentSummary(p, appointment.services, appointment.slot, appointment.office)}
    ${p.previousKept ? p.previousKept.view.renderPreviousKept(p, p.previousKept.slot) : nothing}
    ${cancelled
      ? notice({ variant: 'warning', title: t('statusCancelled') })
      : p.confirmingCancel
        ? notice({
            variant: 'warning',
            role: 'alert',
            title: t('cancelConfirm'),
            actions: html`${button({ id: 'cancel-yes', label: t('cancelYes'), busy: p.busy, onClick: () => p.act('cancelAppointment') })}
            ${button({ label: t('cancelNo'), variant: 'secondary', onClick: () => p.act('askCancel', false) })}`,
          })
        : html`<div class="step__actions">
            ${button({ label: t('downloadIcs'), variant: 'secondary', onClick: () => downloadIcs(p) })}
            ${p.managementToken
              ? html`${button({ label: t('reschedule'), variant: 'secondary', onClick: () => p.act('startReschedule') })}
                ${button({ id: 'cancel-open', label: t('cancel'), variant: 'secondary', onClick: () => p.act('askCancel', true) })}`
              : nothing}
          </div>`}
  </div>`;
}
