import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { easterSunday, germanHolidays, germanHolidaysBetween, STATE_CODES, type StateCode } from '../src/holidays/german-holidays.js';

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

describe('holidays of Nordrhein-Westfalen', () => {
  it('lists the eleven holidays of 2026 in date order', () => {
    assert.deepEqual(
      germanHolidays(2026, 'DE-NW').map((h) => `${h.date} ${h.name}`),
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
    const dates = germanHolidays(2026, 'DE-NW').map((h) => h.date);
    assert.ok(!dates.includes('2026-04-05'));
    assert.ok(!dates.includes('2026-05-24'));
  });

  it('adds Reformation Day only in 2017', () => {
    assert.ok(germanHolidays(2017, 'DE-NW').some((h) => h.id === 'reformationstag' && h.date === '2017-10-31'));
    assert.ok(!germanHolidays(2018, 'DE-NW').some((h) => h.id === 'reformationstag'));
  });

  it('keeps date order when Ascension Day falls on 1 May (2008)', () => {
    const may = germanHolidays(2008, 'DE-NW').filter((h) => h.date.startsWith('2008-05'));
    assert.deepEqual(
      may.map((h) => h.id),
      ['tag-der-arbeit', 'christi-himmelfahrt', 'pfingstmontag', 'fronleichnam'],
    );
    assert.equal(may[1]!.date, '2008-05-01');
  });

  it('selects a range across a year boundary, both ends inclusive', () => {
    assert.deepEqual(
      germanHolidaysBetween('2026-12-25', '2027-01-01', 'DE-NW').map((h) => h.date),
      ['2026-12-25', '2026-12-26', '2027-01-01'],
    );
    assert.deepEqual(germanHolidaysBetween('2026-06-05', '2026-09-30', 'DE-NW'), []);
  });

  it('refuses years the rules do not cover', () => {
    assert.throws(() => germanHolidays(1994, 'DE-NW'), RangeError);
    assert.throws(() => germanHolidays(2200, 'DE-NW'), RangeError);
  });
});

describe('holidays of the 16 states', () => {
  /** Every state's holidays beyond the nine of all states, as the Länder laws list them for 2026 and 2027. */
  const OWN: Record<StateCode, string[]> = {
    'DE-BW': ['heilige-drei-koenige', 'fronleichnam', 'allerheiligen'],
    'DE-BY': ['heilige-drei-koenige', 'fronleichnam', 'allerheiligen'],
    'DE-BE': ['frauentag'],
    'DE-BB': ['ostersonntag', 'pfingstsonntag', 'reformationstag'],
    'DE-HB': ['reformationstag'],
    'DE-HH': ['reformationstag'],
    'DE-HE': ['fronleichnam'],
    'DE-MV': ['frauentag', 'reformationstag'],
    'DE-NI': ['reformationstag'],
    'DE-NW': ['fronleichnam', 'allerheiligen'],
    'DE-RP': ['fronleichnam', 'allerheiligen'],
    'DE-SL': ['fronleichnam', 'mariae-himmelfahrt', 'allerheiligen'],
    'DE-SN': ['reformationstag', 'buss-und-bettag'],
    'DE-ST': ['heilige-drei-koenige', 'reformationstag'],
    'DE-SH': ['reformationstag'],
    'DE-TH': ['weltkindertag', 'reformationstag'],
  };
  const ALL = ['neujahr', 'karfreitag', 'ostermontag', 'tag-der-arbeit', 'christi-himmelfahrt', 'pfingstmontag', 'tag-der-deutschen-einheit', 'erster-weihnachtstag', 'zweiter-weihnachtstag'];
  const DATES: Record<number, Record<string, string>> = {
    2026: {
      karfreitag: '2026-04-03', ostersonntag: '2026-04-05', ostermontag: '2026-04-06', 'christi-himmelfahrt': '2026-05-14',
      pfingstsonntag: '2026-05-24', pfingstmontag: '2026-05-25', fronleichnam: '2026-06-04', 'buss-und-bettag': '2026-11-18',
    },
    2027: {
      karfreitag: '2027-03-26', ostersonntag: '2027-03-28', ostermontag: '2027-03-29', 'christi-himmelfahrt': '2027-05-06',
      pfingstsonntag: '2027-05-16', pfingstmontag: '2027-05-17', fronleichnam: '2027-05-27', 'buss-und-bettag': '2027-11-17',
    },
  };
  const FIXED: Record<string, string> = {
    neujahr: '01-01', 'heilige-drei-koenige': '01-06', frauentag: '03-08', 'tag-der-arbeit': '05-01', 'mariae-himmelfahrt': '08-15',
    weltkindertag: '09-20', 'tag-der-deutschen-einheit': '10-03', reformationstag: '10-31', allerheiligen: '11-01',
    'erster-weihnachtstag': '12-25', 'zweiter-weihnachtstag': '12-26',
  };

  for (const year of [2026, 2027]) {
    it(`match the official list for ${year} in every state`, () => {
      for (const state of STATE_CODES) {
        const holidays = germanHolidays(year, state);
        assert.deepEqual(holidays.map((h) => h.id).sort(), [...ALL, ...OWN[state]].sort(), state);
        for (const { id, date } of holidays) assert.equal(date, DATES[year]![id] ?? `${year}-${FIXED[id]}`, `${state} ${id}`);
      }
    });
  }

  it('follow the laws through the years: Reformationstag in the north from 2018, Frauentag, Weltkindertag, one-offs', () => {
    const ids = (year: number, state: StateCode) => germanHolidays(year, state).map((h) => h.id);
    assert.ok(!ids(2017 - 1, 'DE-NI').includes('reformationstag'));
    assert.ok(ids(2017, 'DE-NW').includes('reformationstag'), 'the 500th anniversary, everywhere');
    assert.ok(ids(2018, 'DE-HB').includes('reformationstag'));
    assert.ok(!ids(2018, 'DE-BE').includes('frauentag'));
    assert.ok(ids(2019, 'DE-BE').includes('frauentag'));
    assert.ok(!ids(2022, 'DE-MV').includes('frauentag'));
    assert.ok(ids(2023, 'DE-MV').includes('frauentag'));
    assert.ok(!ids(2018, 'DE-TH').includes('weltkindertag'));
    assert.deepEqual(
      STATE_CODES.filter((state) => ids(2025, state).includes('tag-der-befreiung')),
      ['DE-BE'],
    );
    assert.ok(!ids(2026, 'DE-BE').includes('tag-der-befreiung'));
  });

  it('put Buß- und Bettag on the Wednesday before 23 November, also when the 23rd is a Wednesday', () => {
    const bussUndBettag = (year: number) => germanHolidays(year, 'DE-SN').find((h) => h.id === 'buss-und-bettag')!.date;
    assert.equal(bussUndBettag(2022), '2022-11-16');
    assert.equal(bussUndBettag(2025), '2025-11-19');
    assert.equal(bussUndBettag(2028), '2028-11-22');
  });

  it('are the nine of all states without a town profile', () => {
    assert.deepEqual(germanHolidays(2026).map((h) => h.id).sort(), [...ALL].sort());
  });
});
