import { html, nothing, type TemplateResult } from 'lit';
import { button, loading, notice } from '@muni-widgets/core';
import type { FoundContext } from './context.js';
import type { LossReport } from '../provider.js';
import { itemList } from './item-card.js';
import { backToSearch } from './item.js';

function facts(p: FoundContext, r: LossReport): TemplateResult {
  const t = p.t;
  const row = (term: string, value: string | TemplateResult) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<dl class="facts">
    ${row(t('category'), r.categoryName)} ${row(t('description'), r.description)} ${r.colourName ? row(t('colour'), r.colourName) : nothing}
    ${r.brand ? row(t('brand'), r.brand) : nothing} ${row(t('lostOn'), p.dateText(r.lostOn))} ${row(t('lostPlace'), r.lostPlace)}
    ${row(t('contact'), html`${r.contact.name}<br />${r.contact.email}${r.contact.phone ? html`<br />${r.contact.phone}` : nothing}`)}
    ${row(t('reportedOn'), p.instantText(r.createdAt))}
  </dl>`;
}

function deleteControls(p: FoundContext): TemplateResult {
  const t = p.t;
  if (p.manageState === 'confirm-delete') {
    return html`<div class="notice notice--warning confirm" part="notice" role="group" aria-labelledby="confirm-delete-title">
      <p class="notice__title" id="confirm-delete-title" tabindex="-1">${t('confirmDeleteTitle')}</p>
      <p>${t('confirmDeleteBody')}</p>
      <div class="actions">
        ${button({ label: t('confirmDelete'), busy: p.busy, part: 'confirm-delete-button', onClick: () => p.act('deleteReport') })}
        ${button({ label: t('cancel'), variant: 'secondary', onClick: () => p.act('askDelete', false) })}
      </div>
    </div>`;
  }
  return html`<div class="actions">
    ${button({ label: t('renew'), busy: p.busy, part: 'renew-button', onClick: () => p.act('renewReport') })}
    ${button({ label: t('delete'), variant: 'secondary', id: 'delete-button', part: 'delete-button', onClick: () => p.act('askDelete', true) })}
  </div>`;
}

/** The loss report from the mail's link: what was reported, until when it is kept, renew, delete. */
export function renderManageView(p: FoundContext): TemplateResult {
  const t = p.t;
  if (p.manageState === 'deleted') {
    return html`<div class="notice notice--success" part="notice">
        <h2 id="view-heading" class="notice__title" tabindex="-1">${t('deletedTitle')}</h2>
        <p>${t('deletedBody')}</p>
      </div>
      ${backToSearch(p)}`;
  }
  const r = p.managed;
  if (!r) {
    if (p.error) {
      return html`<h2 id="view-heading" tabindex="-1">${t('manageTitle')}</h2>
        ${p.renderError()} ${backToSearch(p)}`;
    }
    return loading(t('loadingReport'));
  }
  return html`${backToSearch(p)}
    <section class="manage" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${t('manageHeading', { reference: r.reference })}</h2>
      ${p.activated ? notice({ variant: 'success', title: t('reportActivatedTitle'), body: t('reportActivatedBody') }) : ''}
      ${facts(p, r)}
      ${notice({
        variant: p.renewed ? 'success' : 'info',
        title: p.renewed ? t('renewedUntil', { date: p.instantText(r.expiresAt) }) : t('expiresOn', { date: p.instantText(r.expiresAt) }),
        body: t('expiryExplained'),
      })}
      ${p.renderError()} ${deleteControls(p)}
    </section>
    <section aria-labelledby="matches-heading">
      <h3 id="matches-heading">${r.matches.length > 0 ? t('matchesTitle', { count: r.matches.length }) : t('noMatchesTitle')}</h3>
      ${r.matches.length > 0 ? itemList(p, r.matches, 4) : html`<p>${t('noMatchesYet')}</p>`}
    </section>`;
}
