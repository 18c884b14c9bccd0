import { expect } from '@open-wc/testing';
import { clampDay, firstOfMonth, monthWeeks, moveByKey, shiftMonths } from '../src/calendar/month-model.js';
import { civilDateAt, isCivilDate } from '../src/calendar/civil-date.js';

describe('month model', () => {
  it('lays out a month in Monday-to-Sunday weeks, padded with neighbouring days', () => {
    const weeks = monthWeeks('2026-12-15');
    expect(weeks).to.have.length(5);
    expect(weeks[0]).to.deep.equal(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks[4]![6]).to.equal('2027-01-03');
  });

  it('is not fooled by the daylight-saving weekends', () => {
    // 29 March 2026 is the switch to summer time in Germany; 25 October 2026 back.
    expect(moveByKey('2026-03-28', 'ArrowRight')).to.equal('2026-03-29');
    expect(moveByKey('2026-03-29', 'ArrowRight')).to.equal('2026-03-30');
    expect(moveByKey('2026-10-25', 'ArrowLeft')).to.equal('2026-10-24');
    expect(monthWeeks('2026-03-01').flat()).to.include('2026-03-29');
  });

  it('moves like the WAI-ARIA APG date grid', () => {
    const day = '2026-12-03'; // a Thursday
    expect(moveByKey(day, 'ArrowLeft')).to.equal('2026-12-02');
    expect(moveByKey(day, 'ArrowRight')).to.equal('2026-12-04');
    expect(moveByKey(day, 'ArrowUp')).to.equal('2026-11-26');
    expect(moveByKey(day, 'ArrowDown')).to.equal('2026-12-10');
    expect(moveByKey(day, 'Home')).to.equal('2026-11-30');
    expect(moveByKey(day, 'End')).to.equal('2026-12-06');
    expect(moveByKey(day, 'PageUp')).to.equal('2026-11-03');
    expect(moveByKey(day, 'PageDown')).to.equal('2027-01-03');
    expect(moveByKey(day, 'PageDown', true)).to.equal('2027-12-03');
    expect(moveByKey(day, 'Enter')).to.equal(undefined);
  });

  it('keeps the day when a month is shorter', () => {
    expect(moveByKey('2027-01-31', 'PageDown')).to.equal('2027-02-28');
    expect(shiftMonths('2028-03-31', -1)).to.equal('2028-02-29');
  });

  it('clamps to the bookable window and finds the month start', () => {
    expect(clampDay('2026-11-01', '2026-11-23', '2027-02-23')).to.equal('2026-11-23');
    expect(clampDay('2027-03-01', '2026-11-23', '2027-02-23')).to.equal('2027-02-23');
    expect(firstOfMonth('2026-12-15')).to.equal('2026-12-01');
  });

  it("knows the office's day for a citizen elsewhere", () => {
    // 23:30 in New York on 2 Dec is already 3 Dec in Berlin.
    expect(civilDateAt(Date.parse('2026-12-03T04:30:00Z'), 'Europe/Berlin')).to.equal('2026-12-03');
    expect(civilDateAt(Date.parse('2026-12-03T04:30:00Z'), 'America/New_York')).to.equal('2026-12-02');
    expect(isCivilDate('2026-02-30')).to.equal(false);
    expect(isCivilDate('2026-02-28')).to.equal(true);
  });
});
