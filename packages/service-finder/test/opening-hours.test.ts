import { expect } from '@open-wc/testing';
import { openingState } from '../src/opening-hours.js';
import { buergerbuero } from './finder-fixtures.js';

const BERLIN = 'Europe/Berlin';
/** An instant given as Berlin wall-clock time in winter (UTC+1). */
const at = (local: string) => Date.parse(`${local}+01:00`);

describe('openingState', () => {
  it('is open inside an interval, with its closing time', () => {
    expect(openingState(buergerbuero, at('2026-12-01T09:30:00'), BERLIN)).to.deep.equal({ kind: 'open', closes: '12:00' });
  });

  it('is closed over lunch and opens again the same day', () => {
    expect(openingState(buergerbuero, at('2026-12-01T12:30:00'), BERLIN)).to.deep.equal({ kind: 'closed', opens: { date: '2026-12-01', time: '14:00' } });
  });

  it('on Friday evening opens next on Monday', () => {
    expect(openingState(buergerbuero, at('2026-12-04T18:00:00'), BERLIN)).to.deep.equal({ kind: 'closed', opens: { date: '2026-12-07', time: '08:00' } });
  });

  it('is closed on a holiday with its name, and skips it when looking ahead', () => {
    expect(openingState(buergerbuero, at('2026-12-25T10:00:00'), BERLIN)).to.deep.equal({
      kind: 'closed',
      reason: 'Weihnachten',
      opens: { date: '2026-12-28', time: '08:00' },
    });
    expect(openingState(buergerbuero, at('2026-12-24T19:00:00'), BERLIN).kind).to.equal('closed');
    expect(openingState(buergerbuero, at('2026-12-24T19:00:00'), BERLIN)).to.deep.equal({ kind: 'closed', opens: { date: '2026-12-28', time: '08:00' } });
  });

  it('uses the office’s clock, not the device’s, across the DST change', () => {
    // 2026-03-30 07:30 UTC is 09:30 in Berlin (summer time): open.
    expect(openingState(buergerbuero, Date.parse('2026-03-30T07:30:00Z'), BERLIN)).to.deep.equal({ kind: 'open', closes: '12:00' });
    // 06:30 UTC is 08:30 in Berlin, but would be 07:30 on winter time: the zone decides.
    expect(openingState(buergerbuero, Date.parse('2026-03-30T06:30:00Z'), BERLIN).kind).to.equal('open');
  });

  it('knows nothing without hours, instead of guessing', () => {
    expect(openingState({ ...buergerbuero, openingHours: [] }, at('2026-12-01T09:30:00'), BERLIN)).to.deep.equal({ kind: 'unknown' });
  });

  it('lets special hours replace the week', () => {
    const office = { ...buergerbuero, exceptions: [{ from: '2026-12-24', to: '2026-12-24', reason: 'Heiligabend', intervals: [{ opens: '08:00', closes: '11:00' }] }] };
    expect(openingState(office, at('2026-12-24T10:00:00'), BERLIN)).to.deep.equal({ kind: 'open', closes: '11:00' });
    expect(openingState(office, at('2026-12-24T11:30:00'), BERLIN).kind).to.equal('closed');
  });
});
