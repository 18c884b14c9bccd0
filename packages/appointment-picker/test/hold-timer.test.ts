import { expect } from '@open-wc/testing';
import { HoldTimer } from '../src/hold-timer.js';

describe('HoldTimer', () => {
  it('counts down, warns once at two minutes and expires once', async () => {
    let now = 0;
    const events: string[] = [];
    const host = { addController() {}, requestUpdate() {} } as never;
    const timer = new HoldTimer(host, { now: () => now, onTwoMinutesLeft: () => events.push('two'), onExpired: () => events.push('expired') });
    timer.start(new Date(10 * 60_000).toISOString());
    expect(timer.display).to.equal('10:00');
    expect(timer.running).to.equal(true);
    now = 8 * 60_000 + 1;
    (timer as unknown as { tick(): void }).tick();
    expect(events).to.deep.equal(['two']);
    expect(timer.display).to.equal('2:00');
    now = 10 * 60_000;
    (timer as unknown as { tick(): void }).tick();
    expect(events).to.deep.equal(['two', 'expired']);
    expect(timer.running).to.equal(false);
  });
});
