import { html, nothing, type TemplateResult } from 'lit';
import { button, notice, type Locale, type Translate } from '@muni-widgets/core';
import type { CityContact, ServiceCategory, ServiceSummary } from '../model.js';
import type { View } from '../navigation.js';
import type { FinderMessages } from '../i18n/messages.js';

export interface BrowseContext {
  t: Translate<FinderMessages>;
  locale: Locale;
  href: (view: View) => string;
  kiosk: boolean;
}

function heading(text: string): TemplateResult {
  return html`<h2 id="view-heading" tabindex="-1">${text}</h2>`;
}

export function serviceList(ctx: BrowseContext, services: readonly ServiceSummary[]): TemplateResult {
  return html`<ul class="service-list" part="service-list">
    ${services.map(
      (s) => html`<li>
        <a href=${ctx.href({ kind: 'service', id: s.id })} part="service-link">${s.name}</a>
        <span class="muted">${s.shortDescription}</span>
      </li>`,
    )}
  </ul>`;
}

export function renderHome(ctx: BrowseContext, categories: readonly ServiceCategory[]): TemplateResult {
  const { t } = ctx;
  return html`${heading(t('browseTitle'))}
    <ul class="categories" part="categories">
      ${categories.map(
        (c) => html`<li>
          <a href=${ctx.href({ kind: 'category', id: c.id })} part="category-link">${c.name}</a>
          <span class="muted">${t('serviceCount', { count: c.serviceCount })}</span>
        </li>`,
      )}
    </ul>
    <p><a href=${ctx.href({ kind: 'az' })} part="az-link">${t('azLink')}</a></p>`;
}

export function renderCategory(ctx: BrowseContext, category: ServiceCategory, services: readonly ServiceSummary[]): TemplateResult {
  return html`<p><a href=${ctx.href({ kind: 'home' })} part="back-link">${ctx.t('backToStart')}</a></p>
    ${heading(category.name)} ${serviceList(ctx, services)}`;
}

/** "Ärztliche …" files under A, as in every printed German index. */
function letterOf(name: string): string {
  const first = name.trim().charAt(0).normalize('NFD').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

export function renderAz(ctx: BrowseContext, services: readonly ServiceSummary[], onLetter: (letter: string) => void): TemplateResult {
  const { t, locale } = ctx;
  const sorted = [...services].sort((a, b) => a.name.localeCompare(b.name, locale));
  const groups = new Map<string, ServiceSummary[]>();
  for (const s of sorted) {
    const letter = letterOf(s.name);
    groups.set(letter, [...(groups.get(letter) ?? []), s]);
  }
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ...(groups.has('#') ? ['#'] : [])];
  return html`<p><a href=${ctx.href({ kind: 'home' })} part="back-link">${t('backToStart')}</a></p>
    ${heading(t('azTitle'))}
    <nav class="letters" part="letters" aria-label=${t('lettersLabel')}>
      <ul class="row-list">
        ${letters.map((letter) =>
          groups.has(letter)
            ? html`<li>${button({ label: letter, variant: 'secondary', onClick: () => onLetter(letter), part: 'letter' })}</li>`
            : html`<li><span class="letters__empty" aria-hidden="true">${letter}</span></li>`,
        )}
      </ul>
    </nav>
    ${[...groups].map(
      ([letter, list]) => html`<section aria-labelledby="letter-${letter === '#' ? 'other' : letter}">
        <h3 id="letter-${letter === '#' ? 'other' : letter}" tabindex="-1">${letter === '#' ? t('otherLetters') : letter}</h3>
        ${serviceList(ctx, list)}
      </section>`,
    )}`;
}

function contact(ctx: BrowseContext, c: CityContact | undefined): TemplateResult | typeof nothing {
  if (!c) return nothing;
  const { t, kiosk } = ctx;
  return html`<p>${t('contactIntro', { name: c.name })}</p>
    <ul>
      ${c.phone ? html`<li>${t('phone')}: ${kiosk ? c.phone : html`<a href="tel:${c.phone.replace(/[^\d+]/g, '')}">${c.phone}</a>`}</li>` : nothing}
      ${c.email ? html`<li>${t('email')}: ${kiosk ? c.email : html`<a href="mailto:${c.email}">${c.email}</a>`}</li>` : nothing}
      ${c.website && !kiosk ? html`<li><a href=${c.website}>${c.website}</a></li>` : nothing}
    </ul>`;
}

export function renderResults(ctx: BrowseContext, query: string, results: readonly ServiceSummary[], cityContact: CityContact | undefined): TemplateResult {
  const { t } = ctx;
  if (results.length === 0) {
    return html`${heading(t('noResultsTitle', { query }))}
      ${notice({
        variant: 'info',
        title: t('noResultsHint'),
        body: html`<a href=${ctx.href({ kind: 'az' })} part="az-link">${t('azLink')}</a>`,
      })}
      ${contact(ctx, cityContact)}`;
  }
  return html`${heading(t('resultsTitle', { count: results.length, query }))} ${serviceList(ctx, results)}`;
}
