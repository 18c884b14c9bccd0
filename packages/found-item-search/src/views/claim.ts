import { html, nothing, type TemplateResult } from 'lit';
import { button, errorSummary, formatMoney, formatWeekday, loading, notice, textField, type Locale } from '@muni-widgets/core';
import type { FoundContext } from './context.js';
import type { ClaimReceipt, FoundItem, PickupFee, PickupInfo } from '../provider.js';
import type { ClaimInput } from '../validation.js';
import { checkbox } from './fields.js';
import { itemFacts } from './item-card.js';
import { backToSearch, renderMissing } from './item.js';

/** "8:00–12:00 Uhr" / "08:00–12:00". */
function hours(opens: string, closes: string, locale: Locale): string {
  return locale === 'de' ? `${opens.replace(/^0(\d)/, '$1')}–${closes.replace(/^0(\d)/, '$1')} Uhr` : `${opens}–${closes}`;
}

function feeAmount(fee: PickupFee, locale: Locale): string {
  const money = (cents: number) => formatMoney(cents, 'EUR', locale);
  const amount =
    fee.amountCents !== undefined
      ? money(fee.amountCents)
      : fee.minCents !== undefined && fee.maxCents !== undefined
        ? `${money(fee.minCents)} – ${money(fee.maxCents)}`
        : '';
  return [amount, fee.note].filter(Boolean).join(', ');
}

/** Where, when, what to bring, what it costs, how long it is kept, the finder's reward, the law. */
export function pickupInfo(p: FoundContext, info: PickupInfo, category?: string): TemplateResult {
  const t = p.t;
  const locale = p.locale;
  const o = info.office;
  const fees = info.fees.filter((f) => !f.category || f.category === category);
  const dayName = (weekday: number) => formatWeekday(Date.UTC(2024, 0, weekday, 12), { locale, timeZone: 'UTC' });
  return html`<section class="pickup" part="pickup" aria-labelledby="pickup-heading">
    <h3 id="pickup-heading">${t('pickupTitle')}</h3>
    <div class="office">
      <p>
        <strong>${o.name}</strong><br />${o.address.building}, ${o.address.street}<br />${o.address.postalCode} ${o.address.city}${o.address.room
          ? html`<br />${o.address.room}`
          : nothing}
      </p>
      <p>
        ${t('phone')}: <a href="tel:${o.phone.replace(/[^\d+]/g, '')}">${o.phone}</a><br />
        ${t('email')}: <a href="mailto:${o.email}">${o.email}</a>
      </p>
      <h4>${t('openingHours')}</h4>
      <table class="hours">
        <caption class="visually-hidden">${t('openingHours')}</caption>
        <tbody>
          ${o.openingHours.map(
            (d) => html`<tr>
              <th scope="row">${dayName(d.weekday)}</th>
              <td>${d.intervals.length ? d.intervals.map((i) => hours(i.opens, i.closes, locale)).join(', ') : t('closed')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h4>${t('bring')}</h4>
    <ul>
      ${info.requiredDocuments.map((doc) => html`<li>${doc}</li>`)}
    </ul>
    <h4>${t('fees')}</h4>
    <dl class="facts">
      ${fees.map((f) => html`<div><dt>${f.label}</dt><dd>${feeAmount(f, locale)}</dd></div>`)}
    </dl>
    <h4>${t('retention')}</h4>
    <p>${info.retention.text}</p>
    <h4>${t('finderReward')}</h4>
    <p>${info.finderReward}</p>
    <p class="muted">${t('legalBasis')}: ${info.legalBasis}</p>
  </section>`;
}

function claimForm(p: FoundContext, item: FoundItem): TemplateResult {
  const t = p.t;
  const c = p.claimInput;
  const optionalText = p.coreT('optional');
  const set = (key: keyof ClaimInput) => (value: string | boolean) => p.setClaim(key, value);
  const err = (id: string) => (p.fieldErrors[id] ? { error: p.fieldErrors[id]! } : {});
  const entries = Object.entries(p.fieldErrors).map(([fieldId, message]) => ({ fieldId, message }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    p.act('sendClaim');
  };
  return html`<form class="form" novalidate @submit=${onSubmit} aria-labelledby="view-heading">
    <h2 id="view-heading" tabindex="-1">${t('claimTitle', { name: item.categoryName })}</h2>
    <div class="summary-card">
      <p><strong>${item.description}</strong></p>
      ${itemFacts(p, item)}
    </div>
    <p>${t('claimFormIntro')}</p>
    ${errorSummary(p.coreT, entries, p.focusField)}
    <fieldset>
      <legend>${t('aboutYou')}</legend>
      ${textField({ id: 'name', label: t('name'), value: c.name, onInput: set('name'), required: true, autocomplete: 'name', maxlength: 200, ...err('name') })}
      ${textField({ id: 'email', label: t('email'), value: c.email, onInput: set('email'), required: true, type: 'email', autocomplete: 'email', inputmode: 'email', hint: t('emailHint'), maxlength: 254, ...err('email') })}
      ${textField({ id: 'phone', label: t('phone'), value: c.phone, onInput: set('phone'), type: 'tel', autocomplete: 'tel', inputmode: 'tel', optionalText, maxlength: 40, ...err('phone') })}
    </fieldset>
    <fieldset>
      <legend>${t('aboutItem')}</legend>
      ${textField({ id: 'features', label: t('features'), hint: t('featuresHint'), value: c.features, onInput: set('features'), required: true, multiline: true, maxlength: 2000, ...err('features') })}
      ${textField({ id: 'lostOn', label: t('lostOn'), type: 'date', value: c.lostOn, onInput: set('lostOn'), optionalText, ...err('lostOn') })}
      ${textField({ id: 'lostPlace', label: t('lostPlace'), value: c.lostPlace, onInput: set('lostPlace'), optionalText, maxlength: 200, ...err('lostPlace') })}
    </fieldset>
    ${checkbox({ id: 'consent', label: t('claimConsent'), checked: c.consent, onChange: set('consent'), error: p.fieldErrors['consent'] })}
    <p class="muted">${p.solving ? t('solving') : t('privacyNote')}</p>
    ${p.renderError()}
    <div class="actions">
      ${button({ label: t('sendClaim'), type: 'submit', busy: p.busy, part: 'submit-button' })}
      ${button({ label: t('cancel'), variant: 'secondary', onClick: () => p.act('backToSearch') })}
    </div>
  </form>`;
}

function claimConfirmation(p: FoundContext, receipt: ClaimReceipt): TemplateResult {
  const t = p.t;
  return html`<div class="outcome">
    <div class="notice notice--success" part="notice">
      <h2 id="view-heading" class="notice__title" tabindex="-1">${t('claimSentTitle')}</h2>
      <p>${t('claimReference')}: <strong class="reference">${receipt.reference}</strong></p>
      <p>${t('claimSentBody')}</p>
    </div>
    <div class="summary-card">
      <p><strong>${receipt.foundItem.categoryName}: ${receipt.foundItem.description}</strong></p>
      ${itemFacts(p, receipt.foundItem)}
    </div>
    ${pickupInfo(p, receipt.pickup, receipt.foundItem.category)}
    ${backToSearch(p)}
  </div>`;
}

/** "Das gehört mir": the form, or its confirmation with everything needed for the pickup. */
export function renderClaimView(p: FoundContext, reference: string): TemplateResult {
  const t = p.t;
  if (p.claimReceipt?.foundItem.reference === reference) return claimConfirmation(p, p.claimReceipt);
  const item = p.item;
  if (!item) {
    if (p.error) return html`${backToSearch(p)} ${p.renderError()}`;
    return p.busy ? loading(t('loadingItem')) : renderMissing(p, reference);
  }
  if (item.status !== 'open') {
    return html`${backToSearch(p)}
      <h2 id="view-heading" tabindex="-1">${t('claimTitle', { name: item.categoryName })}</h2>
      ${notice({ variant: 'info', title: t(`status_${item.status}`) })}`;
  }
  if (p.error?.kind === 'conflict') {
    return html`${backToSearch(p)}
      <h2 id="view-heading" tabindex="-1">${t('claimTitle', { name: item.categoryName })}</h2>
      ${notice({ variant: 'warning', role: 'alert', title: t('claimConflict') })}`;
  }
  return claimForm(p, item);
}
