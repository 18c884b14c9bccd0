import { expect } from '@open-wc/testing';
import { coreMessages } from '../src/i18n/core-messages.js';
import { plural, translator } from '../src/i18n/translate.js';
import { Catalogs, missingKeys } from '../src/i18n/catalogs.js';
import { dayInZone, formatLongDate, formatMoney, formatTime, hourInZone, zonesDiffer } from '../src/i18n/format.js';
import { toLocale } from '../src/i18n/locale.js';

describe('i18n', () => {
  it('has every core message in every language', async () => {
    expect(await missingKeys(coreMessages)).to.deep.equal([]);
  });

  it('detects a missing or empty key, and a language that does not load', async () => {
    const broken = new Catalogs({ a: 'A', b: 'B' }, { en: async () => ({ a: '' }) as never });
    expect(await missingKeys(broken)).to.deep.equal(['en.a', 'en.b']);
    const unreachable = new Catalogs({ a: 'A' }, { en: () => Promise.reject(new Error('offline')) });
    expect(await missingKeys(unreachable)).to.deep.equal(['en.*']);
  });

  it('translates with parameters, in German until another language has loaded', async () => {
    const texts = new Catalogs({ hello: 'Hallo' }, { en: async () => ({ hello: 'Hello' }) });
    expect(translator(texts, 'en')('hello')).to.equal('Hallo');
    await texts.load('en');
    expect(translator(texts, 'en')('hello')).to.equal('Hello');
    await coreMessages.load('en');
    expect(translator(coreMessages, 'de')('errorSummaryTitle', { count: 2 })).to.equal('Bitte korrigieren Sie 2 Eingaben:');
    expect(translator(coreMessages, 'en')('errorSummaryTitle', { count: 1 })).to.equal('Please correct 1 entry:');
  });

  it('picks plural forms with Intl.PluralRules', () => {
    expect(plural('de', 1, { one: '# freier Termin', other: '# freie Termine' })).to.equal('1 freier Termin');
    expect(plural('de', 1200, { one: '# freier Termin', other: '# freie Termine' })).to.equal('1.200 freie Termine');
  });

  it('maps language tags onto supported locales', () => {
    expect(toLocale('en-US')).to.equal('en');
    expect(toLocale('DE_at')).to.equal('de');
    expect(toLocale('fr')).to.equal(undefined);
  });

  it('shows instants on the Berlin clock, across midnight and daylight saving', () => {
    // 23:30 UTC on 2 Dec is 00:30 on 3 Dec in Berlin (winter, UTC+1).
    expect(formatLongDate('2026-12-02T23:30:00Z', { locale: 'de' })).to.equal('Donnerstag, 3. Dezember 2026');
    expect(formatTime('2026-12-02T23:30:00Z', { locale: 'de' })).to.equal('0:30 Uhr');
    // Summer time: 07:30 UTC is 09:30 in Berlin.
    expect(formatTime('2026-07-01T07:30:00Z', { locale: 'en' })).to.equal('09:30');
    expect(formatLongDate('2026-07-01T07:30:00Z', { locale: 'en' })).to.equal('Wednesday, 1 July 2026');
    expect(formatTime('2026-07-01T07:30:00Z', { locale: 'en', timeZone: 'America/New_York' })).to.equal('03:30');
    expect(hourInZone('2026-07-01T07:30:00Z')).to.equal(9);
    expect(dayInZone('2026-12-02T23:30:00Z')).to.equal('2026-12-03');
    expect(dayInZone('2026-12-02T23:30:00Z', 'UTC')).to.equal('2026-12-02');
  });

  it('formats money from integer cents', () => {
    expect(formatMoney(2500, 'EUR', 'de')).to.equal('25,00\u00a0€');
    expect(formatMoney(123456, 'EUR', 'en')).to.equal('€1,234.56');
  });

  it('compares zones by their clocks, not their names', () => {
    expect(zonesDiffer('Europe/Berlin', 'Europe/Vienna')).to.equal(false);
    expect(zonesDiffer('Europe/Berlin', 'Europe/London')).to.equal(true);
  });
});
