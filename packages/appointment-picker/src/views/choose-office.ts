import { html, nothing, type TemplateResult } from 'lit';
import type { StepContext } from './context.js';
import { stepFrame } from './step-frame.js';

/** Offices as radio buttons with address and accessibility notes, plus "any office". */
export function renderOfficeStep(p: StepContext): TemplateResult {
  const t = p.t;
  const selected = p.officeId ?? 'any';
  const choose = (e: Event) => p.chooseOffice((e.target as HTMLInputElement).value === 'any' ? undefined : (e.target as HTMLInputElement).value);
  const body = html`<fieldset>
    <legend class="field__label">${t('officeLegend')}</legend>
    <ul class="choices">
      <li class="choice">
        <input type="radio" name="office" id="office-any" value="any" .checked=${selected === 'any'} @change=${choose} />
        <label for="office-any">${t('anyOffice')}</label>
      </li>
      ${p.eligibleOffices.map(
        (office) => html`<li class="choice">
          <input type="radio" name="office" id="office-${office.id}" value=${office.id} .checked=${selected === office.id} aria-describedby="office-${office.id}-info" @change=${choose} />
          <label for="office-${office.id}">${office.name}</label>
          <p class="choice__info muted" id="office-${office.id}-info">
            ${office.street}, ${office.postalCode} ${office.city}${office.accessibility ? html`<br />${office.accessibility}` : nothing}
          </p>
        </li>`,
      )}
    </ul>
  </fieldset>`;
  return stepFrame(p, { title: t('officeStep'), body, next: { label: t('next'), action: () => p.act('submitOffice') }, back: () => p.act('backTo', 'service') });
}
