import { html, nothing, type TemplateResult } from 'lit';
import { browserTimeZone, button, formatDayName, formatTime, hourInZone, zonesDiffer } from '@muni-widgets/core';
import type { StepContext } from './context.js';
import type { Slot } from '../provider.js';
import { toUtcDate } from '../calendar/civil-date.js';
import { stepFrame } from './step-frame.js';

/** "Dienstag, 3. Dezember" for a civil date. */
function dayName(p: StepContext, day: string): string {
  return formatDayName(toUtcDate(day), { locale: p.locale, timeZone: 'UTC' });
}

/** Calendar (or list of free days), then the day's times grouped into morning and afternoon. */
export function renderSlotStep(p: StepContext): TemplateResult {
  const t = p.t;
  const zone = p.timeZone;
  const body = html`
    ${zonesDiffer(browserTimeZone(), zone) ? html`<p class="notice notice--info">${t('officeTimeNotice', { zone })}</p>` : nothing}
    <div class="slot-tools">
      ${button({ label: t('nextFree'), variant: 'secondary', onClick: () => p.act('jumpToNextFree') })}
      ${button({ label: p.listView ? t('showCalendar') : t('showList'), variant: 'link', onClick: p.toggleList })}
    </div>
    ${p.listView ? renderFreeDays(p) : p.calendar()}
    ${p.day ? renderTimes(p, p.day) : nothing}
  `;
  const back = () => void (p.managementToken ? p.act('goTo', 'manage') : p.act('backTo', p.eligibleOffices.length > 1 ? 'office' : 'service'));
  return stepFrame(p, { title: t('slotStep'), body, back });
}

function renderFreeDays(p: StepContext): TemplateResult {
  const days = [...p.free].filter(([, free]) => free > 0).sort(([a], [b]) => a.localeCompare(b));
  return html`<h4 id="free-days">${p.t('freeDaysList')}</h4>
    <ul class="day-list" aria-labelledby="free-days">
      ${days.map(
        ([day, free]) => html`<li>
          ${button({ label: `${dayName(p, day)} – ${p.t('freeSlots', { count: free })}`, variant: 'secondary', onClick: () => p.act('chooseDay', day) })}
        </li>`,
      )}
    </ul>`;
}

function renderTimes(p: StepContext, day: string): TemplateResult {
  const t = p.t;
  const options = { locale: p.locale, timeZone: p.timeZone };
  const hour = (slot: Slot) => hourInZone(slot.start, p.timeZone);
  const groups = [
    { label: t('morning'), slots: p.daySlots.filter((s) => hour(s) < 12) },
    { label: t('afternoon'), slots: p.daySlots.filter((s) => hour(s) >= 12) },
  ].filter((g) => g.slots.length > 0);
  const office = (slot: Slot) => (p.officeId ? '' : `, ${p.offices.find((o) => o.id === slot.officeId)?.name ?? ''}`);
  return html`<div class="times">
    <h4 id="times-heading" tabindex="-1">${t('timesFor', { day: dayName(p, day) })}</h4>
    ${groups.length === 0 && !p.busy ? html`<p>${t('noTimes')}</p>` : nothing}
    ${groups.map(
      (group, i) => html`<h5 id="times-group-${i}">${group.label}</h5>
        <ul class="time-list" aria-labelledby="times-group-${i}">
          ${group.slots.map(
            (slot) => html`<li>
              <button
                type="button"
                class="button button--secondary time"
                part="button time"
                aria-label="${formatTime(slot.start, options)}, ${dayName(p, day)}${office(slot)}"
                @click=${() => p.act('chooseSlot', slot)}
              >
                ${formatTime(slot.start, options)}
              </button>
            </li>`,
          )}
        </ul>`,
    )}
  </div>`;
}
