import { html, nothing, type TemplateResult } from 'lit';
import type { StepContext } from './context.js';
import { appointmentSummary } from './summary.js';
import { stepFrame } from './step-frame.js';

/** Everything once more, the privacy consent, and the binding request. */
export function renderReviewStep(p: StepContext): TemplateResult {
  const t = p.t;
  const reservation = p.reservation;
  const services = p.chosenServices.map((s) => ({ serviceId: s.id, count: p.counts[s.id] ?? 1, name: s.name }));
  const office = p.offices.find((o) => o.id === reservation?.slot.officeId);
  const consentError = p.fieldErrors['consent'];
  const body = html`
    ${reservation ? appointmentSummary(p, services, reservation.slot, office) : nothing}
    <dl class="summary">
      <dt>${t('summaryContact')}</dt>
      <dd>${p.contact.name}<br />${p.contact.email}${p.contact.phone ? html`<br />${p.contact.phone}` : nothing}</dd>
    </dl>
    <div class="consent">
      <input
        type="checkbox"
        id="consent"
        .checked=${p.consent}
        aria-invalid=${consentError ? 'true' : 'false'}
        aria-describedby=${consentError ? 'consent-error' : nothing}
        @change=${(e: Event) => p.setConsent((e.target as HTMLInputElement).checked)}
      />
      <label for="consent">${t('consent')}</label>
      ${consentError ? html`<p class="field__error" id="consent-error">${consentError}</p>` : nothing}
    </div>
    <p class="muted">${p.solving ? t('solving') : t('botProtection')}</p>
  `;
  return stepFrame(p, { title: t('reviewStep'), body, next: { label: t('send'), action: () => p.act('send') }, back: () => p.act('goTo', 'details') });
}
