import { html, type TemplateResult } from 'lit';
import { button, errorSummary, notice, textField } from '@muni-widgets/core';
import type { FoundContext } from './context.js';
import type { LossReportReceipt } from '../provider.js';
import type { ReportInput } from '../validation.js';
import { checkbox, select } from './fields.js';
import { itemList } from './item-card.js';
import { backToSearch } from './item.js';

function reportForm(p: FoundContext): TemplateResult {
  const t = p.t;
  const r = p.reportInput;
  const optionalText = p.coreT('optional');
  const set = (key: keyof ReportInput) => (value: string | boolean) => p.setReport(key, value);
  const err = (id: string) => (p.fieldErrors[id] ? { error: p.fieldErrors[id]! } : {});
  const entries = Object.entries(p.fieldErrors).map(([fieldId, message]) => ({ fieldId, message }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    p.act('sendReport');
  };
  return html`${backToSearch(p)}
    <form class="form" novalidate @submit=${onSubmit} aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${t('reportTitle')}</h2>
      <p>${t('reportIntro')}</p>
      ${errorSummary(p.coreT, entries, p.focusField)}
      <fieldset>
        <legend>${t('aboutItem')}</legend>
        ${select({
          id: 'category',
          label: t('category'),
          value: r.category,
          onChange: set('category'),
          required: true,
          options: [{ value: '', label: t('chooseCategoryOption') }, ...p.categories.map((c) => ({ value: c.id, label: c.name }))],
          error: p.fieldErrors['category'],
        })}
        ${textField({ id: 'description', label: t('description'), hint: t('descriptionHint'), value: r.description, onInput: set('description'), required: true, multiline: true, maxlength: 1000, ...err('description') })}
        ${select({
          id: 'colour',
          label: t('colour'),
          value: r.colour,
          onChange: set('colour'),
          optionalText,
          options: [{ value: '', label: t('noColour') }, ...p.colours.map((c) => ({ value: c.id, label: c.name }))],
          error: p.fieldErrors['colour'],
        })}
        ${textField({ id: 'brand', label: t('brand'), value: r.brand, onInput: set('brand'), optionalText, maxlength: 100, ...err('brand') })}
        ${textField({ id: 'lostOn', label: t('lostOn'), hint: t('lostOnHint'), type: 'date', value: r.lostOn, onInput: set('lostOn'), required: true, ...err('lostOn') })}
        ${textField({ id: 'lostPlace', label: t('lostPlace'), hint: t('lostPlaceHint'), value: r.lostPlace, onInput: set('lostPlace'), required: true, maxlength: 200, ...err('lostPlace') })}
      </fieldset>
      <fieldset>
        <legend>${t('aboutYou')}</legend>
        ${textField({ id: 'name', label: t('name'), value: r.name, onInput: set('name'), required: true, autocomplete: 'name', maxlength: 200, ...err('name') })}
        ${textField({ id: 'email', label: t('email'), value: r.email, onInput: set('email'), required: true, type: 'email', autocomplete: 'email', inputmode: 'email', hint: t('reportEmailHint'), maxlength: 254, ...err('email') })}
        ${textField({ id: 'phone', label: t('phone'), value: r.phone, onInput: set('phone'), type: 'tel', autocomplete: 'tel', inputmode: 'tel', optionalText, maxlength: 40, ...err('phone') })}
      </fieldset>
      ${checkbox({ id: 'consent', label: t('reportConsent'), checked: r.consent, onChange: set('consent'), error: p.fieldErrors['consent'] })}
      <p class="muted">${p.solving ? t('solving') : t('privacyNote')}</p>
      ${p.renderError()}
      <div class="actions">${button({ label: t('sendReport'), type: 'submit', busy: p.busy, part: 'submit-button' })}</div>
    </form>`;
}

function reportConfirmation(p: FoundContext, receipt: LossReportReceipt): TemplateResult {
  const t = p.t;
  return html`<div class="outcome">
    <div class="notice notice--success" part="notice">
      <h2 id="view-heading" class="notice__title" tabindex="-1">${t('reportSentTitle')}</h2>
      <p>${t('reportReference')}: <strong class="reference">${receipt.reference}</strong></p>
      <p>${t('reportSentBody', { date: p.instantText(receipt.expiresAt) })}</p>
    </div>
    ${receipt.matches.length > 0
      ? html`<section aria-labelledby="matches-heading">
          <h3 id="matches-heading">${t('matchesTitle', { count: receipt.matches.length })}</h3>
          ${itemList(p, receipt.matches, 4)}
        </section>`
      : notice({ variant: 'info', title: t('noMatchesYet') })}
    ${backToSearch(p)}
  </div>`;
}

/** Verlustanzeige: the form, or the stored report with the finds that match now. */
export function renderReportView(p: FoundContext): TemplateResult {
  return p.reportReceipt ? reportConfirmation(p, p.reportReceipt) : reportForm(p);
}
