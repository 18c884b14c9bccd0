import { html, nothing, type TemplateResult } from 'lit';
import type { StepContext } from './context.js';
import { stepFrame } from './step-frame.js';

/** Services as checkboxes (one appointment may cover several), each with a count where allowed. */
export function renderServiceStep(p: StepContext): TemplateResult {
  const t = p.t;
  const error = p.fieldErrors['services'];
  const body = html`<fieldset id="services" tabindex="-1" aria-describedby=${error ? 'services-error' : nothing}>
    <legend class="field__label">${t('serviceLegend')}</legend>
    ${error ? html`<p class="field__error" id="services-error">${error}</p>` : nothing}
    <ul class="choices">
      ${p.services.map((service) => {
        const count = p.counts[service.id] ?? 0;
        return html`<li class="choice">
          <input
            type="checkbox"
            id="service-${service.id}"
            .checked=${count > 0}
            aria-describedby="service-${service.id}-info"
            @change=${(e: Event) => p.setCount(service.id, (e.target as HTMLInputElement).checked ? Math.max(count, 1) : 0)}
          />
          <label for="service-${service.id}">${service.name}</label>
          <p class="choice__info muted" id="service-${service.id}-info">
            ${service.description ? html`${service.description} ` : nothing}${t('duration', { minutes: service.durationMinutes })}
          </p>
          ${count > 0 && service.maxCount > 1
            ? html`<div class="choice__count">
                <label for="count-${service.id}">${t('serviceCount')}</label>
                <select id="count-${service.id}" aria-describedby="count-${service.id}-hint" @change=${(e: Event) => p.setCount(service.id, Number((e.target as HTMLSelectElement).value))}>
                  ${Array.from({ length: service.maxCount }, (_, i) => i + 1).map((n) => html`<option value=${n} ?selected=${n === count}>${n}</option>`)}
                </select>
                <span class="field__hint" id="count-${service.id}-hint">${t('serviceCountHint', { max: service.maxCount })}</span>
              </div>`
            : nothing}
        </li>`;
      })}
    </ul>
  </fieldset>`;
  return stepFrame(p, { title: t('serviceStep'), body, next: { label: t('next'), action: () => p.act('submitServices') } });
}
