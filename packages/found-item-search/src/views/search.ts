import { html, nothing, type TemplateResult } from 'lit';
import { button, errorSummary, loading, notice, textField } from '@muni-widgets/core';
import type { FoundContext } from './context.js';
import type { SearchFilters } from '../provider.js';
import { select } from './fields.js';
import { itemList } from './item-card.js';

/** Page buttons to show: first, last, and two around the current one; gaps as null. */
export function pageWindow(current: number, count: number): (number | null)[] {
  const pages = new Set([1, count, current - 1, current, current + 1].filter((n) => n >= 1 && n <= count));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
    out.push(n);
  });
  return out;
}

function searchForm(p: FoundContext): TemplateResult {
  const t = p.t;
  const d = p.draft;
  const set = (key: keyof SearchFilters) => (value: string) => p.setDraft(key, value);
  const err = (id: string) => p.fieldErrors[id];
  const entries = Object.entries(p.fieldErrors).map(([fieldId, message]) => ({ fieldId, message }));
  const active = Object.values(d).some(Boolean);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    p.act('submitSearch');
  };
  return html`<form class="search" part="search" role="search" aria-labelledby="view-heading" novalidate @submit=${onSubmit}>
    <h2 id="view-heading" tabindex="-1">${t('searchTitle')}</h2>
    ${errorSummary(p.coreT, entries, p.focusField)}
    ${textField({ id: 'q', label: t('query'), hint: t('queryHint'), value: d.q ?? '', onInput: set('q'), type: 'search', maxlength: 200, error: err('q') })}
    <div class="search__grid">
      ${select({
        id: 'category',
        label: t('category'),
        value: d.category ?? '',
        onChange: set('category'),
        options: [{ value: '', label: t('allCategories') }, ...p.categories.map((c) => ({ value: c.id, label: t('categoryOption', { name: c.name, count: c.openCount }) }))],
        error: err('category'),
      })}
      ${select({
        id: 'colour',
        label: t('colour'),
        value: d.colour ?? '',
        onChange: set('colour'),
        options: [{ value: '', label: t('allColours') }, ...p.colours.map((c) => ({ value: c.id, label: c.name }))],
        error: err('colour'),
      })}
      ${textField({ id: 'from', label: t('foundFrom'), type: 'date', value: d.from ?? '', onInput: set('from'), error: err('from') })}
      ${textField({ id: 'to', label: t('foundTo'), type: 'date', value: d.to ?? '', onInput: set('to'), error: err('to') })}
    </div>
    ${textField({ id: 'place', label: t('place'), hint: t('placeHint'), value: d.place ?? '', onInput: set('place'), maxlength: 100, error: err('place') })}
    <div class="actions">
      ${button({ label: t('searchButton'), type: 'submit', busy: p.busy, part: 'search-button' })}
      ${active ? button({ label: t('resetFilters'), variant: 'secondary', onClick: () => p.act('resetSearch') }) : nothing}
    </div>
  </form>`;
}

function pagination(p: FoundContext, current: number, count: number): TemplateResult | typeof nothing {
  if (count <= 1) return nothing;
  const t = p.t;
  const pageButton = (n: number) =>
    html`<li>
      <button
        type="button"
        class="button ${n === current ? 'button--primary' : 'button--secondary'} page"
        part="button page"
        aria-current=${n === current ? 'page' : nothing}
        @click=${() => p.act('goToPage', n)}
      >
        <span class="visually-hidden">${t('pageLabel')} </span>${n}
      </button>
    </li>`;
  return html`<nav class="pagination" part="pagination" aria-label=${t('pagination')}>
    <ul class="row-list">
      ${current > 1 ? html`<li>${button({ label: t('previousPage'), variant: 'secondary', onClick: () => p.act('goToPage', current - 1) })}</li>` : nothing}
      ${pageWindow(current, count).map((n) => (n === null ? html`<li class="pagination__gap" aria-hidden="true">…</li>` : pageButton(n)))}
      ${current < count ? html`<li>${button({ label: t('nextPage'), variant: 'secondary', onClick: () => p.act('goToPage', current + 1) })}</li>` : nothing}
    </ul>
  </nav>`;
}

function results(p: FoundContext): TemplateResult | typeof nothing {
  const t = p.t;
  const r = p.results;
  if (p.error) return p.renderError();
  if (!r || (p.busy && r.items.length === 0)) return loading(t('searching'));
  const reportButton = button({ label: t('reportLoss'), variant: 'secondary', part: 'report-button', onClick: () => p.act('openReport') });
  if (r.total === 0) {
    return html`<section class="results" aria-labelledby="results-heading">
      <h2 id="results-heading" tabindex="-1">${t('noResultsTitle')}</h2>
      ${notice({ variant: 'info', title: t('noResultsHint'), actions: reportButton })}
    </section>`;
  }
  return html`<section class="results" aria-labelledby="results-heading" aria-busy=${p.busy ? 'true' : 'false'}>
    <h2 id="results-heading" tabindex="-1">
      ${t('resultCount', { count: r.total })}${r.pageCount > 1 ? html` <span class="muted">${t('pageOf', { page: r.page, count: r.pageCount })}</span>` : nothing}
    </h2>
    <p class="muted">${t('newestFirst')}</p>
    ${r.items.length > 0 ? itemList(p, r.items) : notice({ variant: 'info', title: t('pageEmpty') })} ${pagination(p, r.page, r.pageCount)}
    <div class="report-hint">
      <p>${t('notThere')}</p>
      ${reportButton}
    </div>
  </section>`;
}

export function renderSearch(p: FoundContext): TemplateResult {
  return html`${searchForm(p)} ${results(p)}`;
}
