import { html, nothing, type TemplateResult } from 'lit';
import { button } from '@muni-widgets/core';
import type { FoundItem } from '../provider.js';
import type { FoundContext } from './context.js';

/** The public details of a find as a description list: category, colour, brand, found on, place, reference. */
export function itemFacts(p: FoundContext, item: FoundItem, withCategory = false): TemplateResult {
  const t = p.t;
  const row = (term: string, value: string | TemplateResult) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<dl class="facts">
    ${withCategory ? row(t('category'), item.categoryName) : nothing} ${item.colourName ? row(t('colour'), item.colourName) : nothing}
    ${item.brand ? row(t('brand'), item.brand) : nothing} ${row(t('foundOn'), p.dateText(item.foundOn))} ${row(t('foundPlace'), item.foundPlace)}
    ${row(t('reference'), html`<span class="reference">${item.reference}</span>`)}
  </dl>`;
}

/** One find in a list: its title links to its own view (shareable), "Das gehört mir" opens the claim. */
export function itemCard(p: FoundContext, item: FoundItem, headingLevel: 3 | 4 = 3): TemplateResult {
  const titleId = `title-${item.reference}`;
  const title = html`<a href=${p.viewHref({ kind: 'item', reference: item.reference })}>${item.categoryName}: ${item.description}</a>`;
  return html`<li>
    <article class="item" part="item" aria-labelledby=${titleId}>
      ${headingLevel === 3 ? html`<h3 class="item__title" id=${titleId}>${title}</h3>` : html`<h4 class="item__title" id=${titleId}>${title}</h4>`}
      ${itemFacts(p, item)}
      ${item.status === 'open'
        ? html`<div class="item__actions">
            ${button({ label: p.t('claimButton'), variant: 'secondary', part: 'claim-button', describedBy: titleId, onClick: () => p.act('openClaim', item) })}
          </div>`
        : html`<p class="muted">${p.t(`status_${item.status}`)}</p>`}
    </article>
  </li>`;
}

export function itemList(p: FoundContext, items: FoundItem[], headingLevel: 3 | 4 = 3): TemplateResult {
  return html`<ul class="items" part="results">
    ${items.map((item) => itemCard(p, item, headingLevel))}
  </ul>`;
}
