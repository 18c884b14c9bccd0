import { html, nothing, type TemplateResult } from 'lit';
import { button, dayInZone, formatLongDate, formatMoney, formatWeekday, type Locale, type Translate } from '@muni-widgets/core';
import type { OfficeAccessibility, ServiceDetail, ServiceFee, ServiceOffice } from '../model.js';
import { intervalsOn, openingState } from '../opening-hours.js';
import { addDays, isoWeekday } from '../iso-date.js';
import type { FinderMessages } from '../i18n/messages.js';

export interface ServicePageContext {
  t: Translate<FinderMessages>;
  locale: Locale;
  timeZone: string;
  now: number;
  service: ServiceDetail;
  /** Sanitized markup of the description, once loaded; plain text needs none. */
  richDescription: Node | undefined;
  kiosk: boolean;
  /** Where "back" leads: the category the citizen came from, or the start. */
  back: { href: string; label: string };
  /** Set when an appointment can be booked from here. */
  onBook: (() => void) | undefined;
  onPrint: () => void;
}

/** "8:00 Uhr" / "08:00" from the catalog's "08:00". */
export function formatClock(time: string, locale: Locale): string {
  return locale === 'de' ? `${time.replace(/^0(\d)/, '$1')} Uhr` : time;
}

function fee(f: ServiceFee, locale: Locale): string {
  if (f.amountCents !== undefined) return formatMoney(f.amountCents, 'EUR', locale);
  if (f.minCents !== undefined && f.maxCents !== undefined) return `${formatMoney(f.minCents, 'EUR', locale)} – ${formatMoney(f.maxCents, 'EUR', locale)}`;
  return '';
}

/** Amounts as label and sum; a fee the source states only in words ("gebührenfrei; …") stays its words. */
function feeFacts(fees: ServiceFee[], locale: Locale): TemplateResult {
  const priced = fees.filter((f) => fee(f, locale));
  const worded = fees.filter((f) => !fee(f, locale)).map((f) => f.label);
  return html`${priced.length
    ? html`<dl class="facts">
        ${priced.map((f) => html`<div><dt>${f.label}</dt><dd>${fee(f, locale)}</dd></div>`)}
      </dl>`
    : nothing}${worded.length ? list(worded) : nothing}`;
}

function section(id: string, title: string, content: TemplateResult, extraClass = ''): TemplateResult {
  return html`<section class="service__section ${extraClass}" aria-labelledby=${id}>
    <h3 id=${id}>${title}</h3>
    ${content}
  </section>`;
}

function list(items: string[]): TemplateResult {
  return html`<ul class="lines">
    ${items.map((item) => html`<li>${item}</li>`)}
  </ul>`;
}

/** Text and address for kiosks, a link elsewhere: a terminal must not leave the page. */
function link(ctx: ServicePageContext, label: string, url: string): TemplateResult {
  return ctx.kiosk ? html`${label} <span class="muted">(${url})</span>` : html`<a href=${url}>${label}</a>`;
}

function description(ctx: ServicePageContext): TemplateResult {
  const d = ctx.service.description;
  if (d.format === 'text') return html`${d.text.split(/\n\s*\n/).map((p) => html`<p>${p}</p>`)}`;
  return ctx.richDescription ? html`<div class="rich-text">${ctx.richDescription}</div>` : html`<p class="muted">${ctx.t('loadingText')}</p>`;
}

function checklist(ctx: ServicePageContext): TemplateResult {
  const { t, service } = ctx;
  return html`<fieldset class="checklist" part="checklist">
      <legend class="visually-hidden">${t('documents')}</legend>
      <p class="muted no-print">${t('checklistHint')}</p>
      <ul>
        ${service.requiredDocuments.map(
          (doc, i) => html`<li><input type="checkbox" id="doc-${i}" /><label for="doc-${i}">${doc}</label></li>`,
        )}
      </ul>
    </fieldset>
    <div class="no-print">${button({ label: t('printChecklist'), variant: 'secondary', onClick: ctx.onPrint, part: 'print-button' })}</div>`;
}

function openingNow(ctx: ServicePageContext, office: ServiceOffice): TemplateResult | typeof nothing {
  const { t, locale, timeZone } = ctx;
  // Without a booking nobody is served, so "open now" would invite a wasted trip.
  if (office.appointmentOnly) return html`<p class="opening" part="opening-state"><strong>${t('appointmentOnly')}</strong></p>`;
  const state = openingState(office, ctx.now, timeZone);
  if (state.kind === 'unknown') return nothing;
  if (state.kind === 'open') return html`<p class="opening opening--open" part="opening-state"><strong>${t('openNow')}</strong> ${t('openUntil', { time: formatClock(state.closes, locale) })}</p>`;
  const when = state.opens
    ? state.opens.date === dayInZone(ctx.now, timeZone)
      ? t('opensToday', { time: formatClock(state.opens.time, locale) })
      : t('opensOn', { day: formatWeekday(`${state.opens.date}T12:00:00Z`, { locale, timeZone: 'UTC' }), time: formatClock(state.opens.time, locale) })
    : '';
  return html`<p class="opening opening--closed" part="opening-state">
    <strong>${t('closedNow')}</strong>${state.reason ? html` (${state.reason})` : nothing}${when ? html` – ${when}` : nothing}
  </p>`;
}

/** The week from Monday, with today's exceptions (holidays) where they fall. */
function hoursTable(ctx: ServicePageContext, office: ServiceOffice, headingId: string): TemplateResult | typeof nothing {
  if (!office.openingHours?.length) return nothing;
  const { t, locale } = ctx;
  const today = dayInZone(ctx.now, ctx.timeZone);
  const monday = addDays(today, 1 - isoWeekday(today));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return html`<table class="hours">
    <caption class="visually-hidden" id=${headingId}>${t('openingHours')}</caption>
    <tbody>
      ${days.map((date) => {
        const { intervals, reason } = date < today ? intervalsOnRegular(office, date) : intervalsOn(office, date);
        const name = formatWeekday(`${date}T12:00:00Z`, { locale, timeZone: 'UTC' });
        return html`<tr class=${date === today ? 'hours__today' : ''}>
          <th scope="row">${name}${date === today ? html` <span class="muted">(${t('today')})</span>` : nothing}</th>
          <td>
            ${intervals.length === 0
              ? html`${t('closed')}${reason ? ` (${reason})` : ''}`
              : intervals.map((i, n) => html`${n ? html`<br />` : nothing}${formatClock(i.opens, locale)} – ${formatClock(i.closes, locale)}`)}
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** Past days of this week show the regular hours: last Monday's holiday is no news. */
function intervalsOnRegular(office: ServiceOffice, date: string) {
  return intervalsOn({ ...office, exceptions: [] }, date);
}

function accessibility(ctx: ServicePageContext, a: OfficeAccessibility | undefined): TemplateResult | typeof nothing {
  if (!a) return nothing;
  const { t } = ctx;
  const facts = [
    a.stepFreeAccess !== undefined ? (a.stepFreeAccess ? t('stepFree') : t('notStepFree')) : undefined,
    a.accessibleToilet ? t('accessibleToilet') : undefined,
    a.inductionLoop ? t('inductionLoop') : undefined,
    a.accessibleParking ? t('accessibleParking') : undefined,
  ].filter((f): f is string => Boolean(f));
  if (facts.length === 0 && !a.notes) return nothing;
  return html`<div class="office__accessibility">
    <p><strong>${t('accessibility')}</strong></p>
    ${facts.length ? list(facts) : nothing} ${a.notes ? html`<p>${a.notes}</p>` : nothing}
  </div>`;
}

/** Booking at this office: not offered for the service, or the source's own booking page when no picker takes it. */
function officeBooking(ctx: ServicePageContext, o: ServiceOffice): TemplateResult | typeof nothing {
  if (o.bookable === false) return html`<p class="muted">${ctx.t('notBookableHere')}</p>`;
  if (ctx.onBook || !o.bookingUrl) return nothing;
  return html`<p class="no-print">${link(ctx, ctx.t('bookAtOffice', { name: o.name }), o.bookingUrl)}</p>`;
}

function office(ctx: ServicePageContext, o: ServiceOffice, index: number): TemplateResult {
  const { t } = ctx;
  const a = o.address;
  return html`<article class="office" part="office" aria-labelledby="office-${index}">
    <h4 id="office-${index}">${o.name}</h4>
    ${openingNow(ctx, o)}
    <p class="office__address">
      ${a.building ? html`${a.building}<br />` : nothing}${a.street}<br />${a.postalCode} ${a.city}${a.room ? html`<br />${a.room}` : nothing}
    </p>
    ${o.phone || o.email
      ? html`<p>
          ${o.phone ? html`${t('phone')}: ${ctx.kiosk ? o.phone : html`<a href="tel:${o.phone.replace(/[^\d+]/g, '')}">${o.phone}</a>`}` : nothing}
          ${o.phone && o.email ? html`<br />` : nothing}
          ${o.email ? html`${t('email')}: ${ctx.kiosk ? o.email : html`<a href="mailto:${o.email}">${o.email}</a>`}` : nothing}
        </p>`
      : nothing}
    ${o.website ? html`<p>${link(ctx, t('officeWebsite'), o.website)}</p>` : nothing} ${officeBooking(ctx, o)}
    ${hoursTable(ctx, o, `office-${index}-hours`)} ${o.hoursNotes?.length ? list(o.hoursNotes) : nothing}
    ${accessibility(ctx, o.accessibility)} ${o.notes?.length ? html`<div class="office__notes"><p><strong>${t('officeNotes')}</strong></p>${list(o.notes)}</div>` : nothing}
  </article>`;
}

function actions(ctx: ServicePageContext): TemplateResult | typeof nothing {
  const { t, service } = ctx;
  const online = service.onlineServiceUrl;
  // The source's own booking page stands in when no appointment picker takes the booking.
  const booking = ctx.onBook ? undefined : service.bookingUrl;
  if (!online && !ctx.onBook && !booking) return nothing;
  return html`<div class="actions no-print">
    ${online
      ? ctx.kiosk
        ? html`<p>${t('applyOnlineAt')} <span class="url">${online}</span></p>`
        : html`<a class="button button--primary" part="apply-online" href=${online}>${t('applyOnline')}</a>`
      : nothing}
    ${ctx.onBook ? button({ label: t('bookAppointment'), variant: online ? 'secondary' : 'primary', onClick: ctx.onBook, part: 'book-button' }) : nothing}
    ${booking
      ? ctx.kiosk
        ? html`<p>${t('bookAppointmentAt')} <span class="url">${booking}</span></p>`
        : html`<a class="button ${online ? 'button--secondary' : 'button--primary'}" part="book-link" href=${booking}>${t('bookAppointment')}</a>`
      : nothing}
  </div>`;
}

export function renderServicePage(ctx: ServicePageContext): TemplateResult {
  const { t, service, locale } = ctx;
  return html`<article class="service" part="service" aria-labelledby="view-heading">
    <p class="no-print"><a href=${ctx.back.href} part="back-link">${ctx.back.label}</a></p>
    <h2 id="view-heading" tabindex="-1">${service.name}</h2>
    ${service.categoryName ? html`<p class="muted">${service.categoryName}</p>` : nothing}
    <p class="service__lead">${service.shortDescription}</p>
    ${actions(ctx)}
    ${service.description.format === 'text' && !service.description.text ? nothing : section('sec-description', t('description'), description(ctx))}
    ${service.prerequisites.length ? section('sec-prerequisites', t('prerequisites'), list(service.prerequisites)) : nothing}
    ${service.requiredDocuments.length ? section('sec-documents', t('documents'), checklist(ctx), 'service__documents') : nothing}
    ${service.fees.length
      ? section(
          'sec-fees',
          t('fees'),
          html`${feeFacts(service.fees, locale)}`,
        )
      : nothing}
    ${service.processingTime ? section('sec-time', t('processingTime'), html`<p>${service.processingTime}</p>`) : nothing}
    ${service.legalBasis ? section('sec-legal', t('legalBasis'), html`<p>${service.legalBasis}</p>`) : nothing}
    ${service.forms.length
      ? section('sec-forms', t('forms'), html`<ul>${service.forms.map((f) => html`<li>${link(ctx, f.title, f.url)}</li>`)}</ul>`)
      : nothing}
    ${service.links?.length
      ? section('sec-links', t('links'), html`<ul>${service.links.map((l) => html`<li>${link(ctx, l.title, l.url)}</li>`)}</ul>`)
      : nothing}
    ${service.offices.length || service.responsibility
      ? section(
          'sec-offices',
          t('offices', { count: service.offices.length }),
          html`${service.responsibility ? html`<p>${service.responsibility}</p>` : nothing}${service.offices.map((o, i) => office(ctx, o, i))}
          ${service.unlistedOfficeCount ? html`<p class="muted">${t('unlistedOffices', { count: service.unlistedOfficeCount })}</p>` : nothing}`,
        )
      : nothing}
    ${service.lastUpdated ? html`<p class="muted">${t('lastUpdated', { date: formatLongDate(`${service.lastUpdated}T12:00:00Z`, { locale, timeZone: 'UTC' }) })}</p>` : nothing}
  </article>`;
}
