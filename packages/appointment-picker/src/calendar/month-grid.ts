import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { formatDayName, formatMonthYear, formatShortWeekday, formatWeekday, type Locale, type Translate } from '@muni-widgets/core';
import type { PickerMessages } from '../i18n/messages.js';
import { toUtcDate, type CivilDate } from './civil-date.js';
import { clampDay, firstOfMonth, monthWeeks, moveByKey, sameMonth, shiftMonths } from './month-model.js';

export interface MonthGridOptions {
  /** Called when the citizen chooses a bookable day (Enter, Space or click). */
  onSelect: (day: CivilDate) => void;
  /** Called when the shown month changes, so the host can load its availability. */
  onMonthChange: (month: CivilDate) => void;
}

export interface MonthGridView {
  t: Translate<PickerMessages>;
  locale: Locale;
  /** Free slots per day of the shown month; a day missing here has none. */
  free: ReadonlyMap<CivilDate, number>;
  /** The bookable window: today (office time) to the booking horizon. */
  min: CivilDate;
  max: CivilDate;
  busy: boolean;
}

type Host = ReactiveElement & { renderRoot: ParentNode };

/**
 * The month grid of the WAI-ARIA APG date picker, rendered into its host's
 * shadow root: one tab stop (roving tabindex), arrows by day and week,
 * Home/End, PageUp/PageDown by month (Shift: year). Every day's accessible
 * name says the date and how many slots are free; days without slots stay
 * focusable but are aria-disabled with the reason.
 */
export class MonthGrid implements ReactiveController {
  focused: CivilDate;
  selected: CivilDate | undefined;

  constructor(
    private readonly host: Host,
    initial: CivilDate,
    private readonly options: MonthGridOptions,
  ) {
    this.focused = initial;
    host.addController(this);
  }

  hostConnected(): void {
    this.options.onMonthChange(firstOfMonth(this.focused));
  }

  get month(): CivilDate {
    return firstOfMonth(this.focused);
  }

  /** Moves focus to a day, switching months when needed, and focuses its cell once rendered. */
  async moveTo(day: CivilDate, view: Pick<MonthGridView, 'min' | 'max'>, focus = true): Promise<void> {
    const target = clampDay(day, view.min, view.max);
    const monthChanged = !sameMonth(target, this.focused);
    this.focused = target;
    if (monthChanged) this.options.onMonthChange(firstOfMonth(target));
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (focus) this.host.renderRoot.querySelector<HTMLElement>(`[data-date="${target}"]`)?.focus();
  }

  render(view: MonthGridView): TemplateResult {
    const { t, locale } = view;
    const zone = { locale, timeZone: 'UTC' };
    const monthTitle = formatMonthYear(toUtcDate(this.month), zone);
    const weeks = monthWeeks(this.month);
    const onKeyDown = (event: KeyboardEvent) => this.onKeyDown(event, view);
    return html`<div class="calendar" part="calendar">
      <div class="calendar__header">
        <button
          type="button"
          class="button button--secondary calendar__nav"
          aria-label=${t('previousMonth')}
          aria-disabled=${this.month <= firstOfMonth(view.min) ? 'true' : nothing}
          @click=${() => this.month > firstOfMonth(view.min) && this.moveTo(shiftMonths(this.focused, -1), view, false)}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <h4 class="calendar__title" id="calendar-title" aria-live="polite">${monthTitle}</h4>
        <button
          type="button"
          class="button button--secondary calendar__nav"
          aria-label=${t('nextMonth')}
          aria-disabled=${this.month >= firstOfMonth(view.max) ? 'true' : nothing}
          @click=${() => this.month < firstOfMonth(view.max) && this.moveTo(shiftMonths(this.focused, 1), view, false)}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table role="grid" class="calendar__grid" aria-labelledby="calendar-title" aria-describedby="calendar-help" aria-busy=${view.busy ? 'true' : 'false'} @keydown=${onKeyDown}>
        <thead>
          <tr>
            ${weeks[0]!.map(
              (day) => html`<th scope="col" abbr=${formatWeekday(toUtcDate(day), zone)}>${formatShortWeekday(toUtcDate(day), zone)}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${weeks.map((week) => html`<tr>${week.map((day) => this.renderDay(day, view))}</tr>`)}
        </tbody>
      </table>
      <p class="visually-hidden" id="calendar-help">${t('calendarHelp')}</p>
    </div>`;
  }

  private renderDay(day: CivilDate, view: MonthGridView): TemplateResult {
    if (!sameMonth(day, this.month)) return html`<td class="calendar__day calendar__day--outside"></td>`;
    const { t, locale } = view;
    const free = view.free.get(day) ?? 0;
    const inWindow = day >= view.min && day <= view.max;
    const bookable = inWindow && free > 0 && !view.busy;
    const reason = !inWindow ? t('outsideWindow') : view.busy ? '' : free > 0 ? t('freeSlots', { count: free }) : t('noFreeSlots');
    const selected = day === this.selected;
    const label = formatDayName(toUtcDate(day), { locale, timeZone: 'UTC' });
    return html`<td
      class="calendar__day ${bookable ? 'calendar__day--free' : ''} ${selected ? 'calendar__day--selected' : ''}"
      data-date=${day}
      tabindex=${day === this.focused ? '0' : '-1'}
      aria-selected=${selected ? 'true' : 'false'}
      aria-disabled=${bookable ? nothing : 'true'}
      @click=${() => bookable && this.choose(day)}
    >
      <span aria-hidden="true">${Number(day.slice(8))}</span>
      <span class="visually-hidden">${label}${reason ? `, ${reason}` : ''}${selected ? `, ${t('selectedDay')}` : ''}</span>
      ${bookable ? html`<span class="calendar__dot" aria-hidden="true"></span>` : nothing}
    </td>`;
  }

  private onKeyDown(event: KeyboardEvent, view: MonthGridView): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-date]');
    if (!cell) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (cell.getAttribute('aria-disabled') !== 'true') this.choose(cell.dataset['date']!);
      return;
    }
    const next = moveByKey(this.focused, event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    void this.moveTo(next, view);
  }

  private choose(day: CivilDate): void {
    this.focused = day;
    this.selected = day;
    this.host.requestUpdate();
    this.options.onSelect(day);
  }
}
