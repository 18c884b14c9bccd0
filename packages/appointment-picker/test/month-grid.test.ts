import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { base, partStyles, tokens, translator } from '@muni-widgets/core';
import { MonthGrid } from '../src/calendar/month-grid.js';
import { calendarStyles } from '../src/calendar/styles.js';
import { pickerMessages } from '../src/i18n/messages.js';

/** The grid's host in these tests: a bare element, as the picker is for real. */
class GridHost extends LitElement {
  static override styles = [tokens, base, partStyles, calendarStyles];
  selected: string[] = [];
  months: string[] = [];
  free = new Map([
    ['2026-12-03', 5],
    ['2026-12-04', 1],
    ['2027-01-05', 2],
  ]);
  grid = new MonthGrid(this, '2026-12-03', {
    onSelect: (day) => this.selected.push(day),
    onMonthChange: (month) => this.months.push(month),
  });
  protected override render() {
    return this.grid.render({ t: translator(pickerMessages, 'de'), locale: 'de', free: this.free, min: '2026-11-23', max: '2027-01-31', busy: false });
  }
}
customElements.define('grid-host', GridHost);

const cell = (el: GridHost, day: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-date="${day}"]`)!;
const active = (el: GridHost) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['date'];

describe('month grid', () => {
  it('has one tab stop and names each day with its free slots', async () => {
    const el = await fixture<GridHost>(html`<grid-host></grid-host>`);
    const tabbable = el.shadowRoot!.querySelectorAll('[data-date][tabindex="0"]');
    expect(tabbable).to.have.length(1);
    expect(cell(el, '2026-12-03').textContent).to.contain('Donnerstag, 3. Dezember, 5 freie Termine');
    expect(cell(el, '2026-12-04').textContent).to.contain('1 freier Termin');
    expect(cell(el, '2026-12-07').getAttribute('aria-disabled')).to.equal('true');
    expect(cell(el, '2026-12-07').textContent).to.contain('keine freien Termine');
    expect(el.shadowRoot!.querySelector('#calendar-title')!.textContent).to.equal('Dezember 2026');
    await expect(el).to.be.accessible();
  });

  it('moves focus with the APG keys and changes month on PageDown', async () => {
    const el = await fixture<GridHost>(html`<grid-host></grid-host>`);
    cell(el, '2026-12-03').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)).to.equal('2026-12-04');
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)).to.equal('2026-12-11');
    await sendKeys({ press: 'Home' });
    expect(active(el)).to.equal('2026-12-07');
    await sendKeys({ press: 'End' });
    expect(active(el)).to.equal('2026-12-13');
    await sendKeys({ press: 'PageDown' });
    expect(active(el)).to.equal('2027-01-13');
    expect(el.months).to.deep.equal(['2026-12-01', '2027-01-01']);
    expect(el.shadowRoot!.querySelector('#calendar-title')!.textContent).to.equal('Januar 2027');
    expect(el.shadowRoot!.querySelectorAll('[data-date][tabindex="0"]')).to.have.length(1);
  });

  it('stays inside the bookable window', async () => {
    const el = await fixture<GridHost>(html`<grid-host></grid-host>`);
    cell(el, '2026-12-03').focus();
    await sendKeys({ press: 'PageUp' });
    expect(active(el)).to.equal('2026-11-23');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ up: 'Shift' });
    expect(active(el)).to.equal('2027-01-31');
  });

  it('chooses a free day with Enter or Space, never a day without slots', async () => {
    const el = await fixture<GridHost>(html`<grid-host></grid-host>`);
    cell(el, '2026-12-03').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' }); // 5 Dec: no slots
    expect(el.selected).to.deep.equal([]);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: ' ' });
    expect(el.selected).to.deep.equal(['2026-12-04']);
    await el.updateComplete;
    expect(cell(el, '2026-12-04').getAttribute('aria-selected')).to.equal('true');
    expect(cell(el, '2026-12-04').textContent).to.contain('ausgewählt');
    await expect(el).to.be.accessible();
  });
});
