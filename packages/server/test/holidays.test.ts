import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { easterSunday, nrwHolidays, nrwHolidaysBetween } from '../src/holidays/nrw.js';

describe('Easter Sunday', () => {
  it('matches published dates', () => {
    const known: Record<number, string> = {
      1995: '1995-04-16',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2049: '2049-04-18',
    };
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date, year);
  });
});

describe('NRW holidays', () => {
  it('lists the eleven holidays of 2026 in date order', () => {
    assert.deepEqual(
      nrwHolidays(2026).map((h) => `${h.date} ${h.name}`),
      [
        '2026-01-01 Neujahr',
        '2026-04-03 Karfreitag',
        '2026-04-06 Ostermontag',
        '2026-05-01 Tag der Arbeit',
        '2026-05-14 Christi Himmelfahrt',
        '2026-05-25 Pfingstmontag',
        '2026-06-04 Fronleichnam',
        '2026-10-03 Tag der Deutschen Einheit',
        '2026-11-01 Allerheiligen',
        '2026-12-25 1. Weihnachtstag',
        '2026-12-26 2. Weihnachtstag',
      ],
    );
  });

  it('has no Easter or Whit Sunday, which are not statutory holidays in NRW', () => {
    const dates = nrwHolidays(2026).map((h) => h.date);
    assert.ok(!dates.includes('2026-04-05'));
    assert.ok(!dates.includes('2026-05-24'));
  });

  it('adds Reformation Day only in 2017', () => {
    assert.ok(nrwHolidays(2017).some((h) => h.id === 'reformationstag' && h.date === '2017-10-31'));
    assert.ok(!nrwHolidays(2018).some((h) => h.id === 'reformationstag'));
  });

  it('keeps date order when Ascension Day falls on 1 May (2008)', () => {
    const may = nrwHolidays(2008).filter((h) => h.date.startsWith('2008-05'));
    assert.deepEqual(
      may.map((h) => h.id),
      ['tag-der-arbeit', 'christi-himmelfahrt', 'pfingstmontag', 'fronleichnam'],
    );
    assert.equal(may[1]!.date, '2008-05-01');
  });

  it('selects a range across a year boundary, both ends inclusive', () => {
    assert.deepEqual(
      nrwHolidaysBetween('2026-12-25', '2027-01-01').map((h) => h.date),
      ['2026-12-25', '2026-12-26', '2027-01-01'],
    );
    assert.deepEqual(nrwHolidaysBetween('2026-06-05', '2026-09-30'), []);
  });

  it('refuses years the rules do not cover', () => {
    assert.throws(() => nrwHolidays(1994), RangeError);
    assert.throws(() => nrwHolidays(2200), RangeError);
  });
});
