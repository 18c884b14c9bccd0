import { html, type TemplateResult } from 'lit';
import { button, loading, notice } from '@muni-widgets/core';
import type { FoundContext } from './context.js';
import { itemFacts } from './item-card.js';

export function backToSearch(p: FoundContext): TemplateResult {
  return html`<div>${button({ label: p.t('backToSearch'), variant: 'link', onClick: () => p.act('backToSearch'), part: 'back-button' })}</div>`;
}

/** A find that is not (or no longer) in the register. */
export function renderMissing(p: FoundContext, reference: string): TemplateResult {
  return html`${backToSearch(p)}
    <h2 id="view-heading" tabindex="-1">${p.t('itemMissingTitle')}</h2>
    ${notice({ variant: 'info', title: p.t('itemMissingBody', { reference }) })}`;
}

/** One find, opened from a result's title or the link in a notification mail. */
export function renderItemView(p: FoundContext, reference: string): TemplateResult {
  const t = p.t;
  const item = p.item;
  if (p.error) return html`${backToSearch(p)} ${p.renderError()}`;
  if (!item) return p.busy ? loading(t('loadingItem')) : renderMissing(p, reference);
  return html`${backToSearch(p)}
    <article class="detail" part="item" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${item.categoryName}: ${item.description}</h2>
      ${itemFacts(p, item, true)}
      ${item.status === 'open'
        ? html`<p>${t('keptUntil', { date: p.dateText(item.keptUntil) })}</p>
            <p>${t('claimIntro')}</p>
            <div class="actions">${button({ label: t('claimButton'), part: 'claim-button', onClick: () => p.act('openClaim', item) })}</div>`
        : notice({ variant: 'info', title: t(`status_${item.status}`) })}
    </article>`;
}
