import { expect } from '@open-wc/testing';
import { MemoryAppointmentProvider, type MemoryData } from '../src/providers/memory.js';
import type { Slot } from '../src/provider.js';
import { apiFailure } from '../../core/test/api-failure.js';

const slot = (id: string, start: string): Slot => ({ id, start, end: new Date(Date.parse(start) + 30 * 60_000).toISOString(), officeId: 'kita' });

const data: MemoryData = {
  services: [{ id: 'kita-anmeldung', name: 'Anmeldung Kindertagesbetreuung', durationMinutes: 30, maxCount: 3, officeIds: ['kita'], fields: [] }],
  offices: [{ id: 'kita', name: 'Kita-Abteilung', street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt' }],
  slots: [slot('a', '2026-12-03T08:00:00Z'), slot('b', '2026-12-03T08:30:00Z'), slot('c', '2026-12-04T09:00:00Z')],
};
const services = [{ serviceId: 'kita-anmeldung', count: 2 }];
const details = { contact: { name: 'Erika Mustermann', email: 'erika@example.org' }, fields: {}, consent: true, returnUrl: 'https://musterstadt.example/kita' };


function setup() {
  let now = Date.parse('2026-11-23T12:00:00Z');
  const mails: Array<{ kind: string; token: string }> = [];
  const provider = new MemoryAppointmentProvider(data, { now: () => now, onMail: (m) => mails.push(m) });
  return { provider, mails, advance: (minutes: number) => (now += minutes * 60_000) };
}

describe('MemoryAppointmentProvider', () => {
  it('counts free slots per office day', async () => {
    const { provider } = setup();
    const days = await provider.availability({ services, from: '2026-12-01', to: '2026-12-31' });
    expect(days).to.deep.equal([
      { date: '2026-12-03', free: 2 },
      { date: '2026-12-04', free: 1 },
    ]);
  });

  it('holds a slot once: a second citizen gets a conflict, and the slot leaves the list', async () => {
    const { provider } = setup();
    await provider.reserve({ services, slot: data.slots[0]! });
    expect((await apiFailure(provider.reserve({ services, slot: data.slots[0]! }))).code).to.equal('slot_taken');
    expect((await provider.slots({ services, date: '2026-12-03' })).map((s) => s.id)).to.deep.equal(['b']);
  });

  it('frees a slot when its hold expires; extends it while still free, refuses once someone else holds it', async () => {
    const { provider, advance } = setup();
    const held = await provider.reserve({ services, slot: data.slots[0]! });
    advance(11);
    expect((await provider.slots({ services, date: '2026-12-03' })).map((s) => s.id)).to.deep.equal(['a', 'b']);
    const again = await provider.extend(held);
    expect(again.extensionsLeft).to.equal(9);
    expect((await provider.slots({ services, date: '2026-12-03' })).map((s) => s.id)).to.deep.equal(['b']);
    advance(11);
    await provider.reserve({ services, slot: data.slots[0]! });
    expect((await apiFailure(provider.extend(held))).code).to.equal('slot_taken');
  });

  it('extends a hold as often as configured, counting down, then refuses with hold_extension_limit', async () => {
    let now = Date.parse('2026-11-23T12:00:00Z');
    const provider = new MemoryAppointmentProvider(data, { now: () => now, holdExtensions: 2 });
    const held = await provider.reserve({ services, slot: data.slots[0]! });
    expect(held.extensionsLeft).to.equal(2);
    now += 5 * 60_000;
    const once = await provider.extend(held);
    expect(once.extensionsLeft).to.equal(1);
    expect(Date.parse(once.expiresAt)).to.equal(now + 10 * 60_000);
    expect((await provider.extend(held)).extensionsLeft).to.equal(0);
    expect((await apiFailure(provider.extend(held))).code).to.equal('hold_extension_limit');
  });

  it('refuses counts above the service maximum', async () => {
    const { provider } = setup();
    const error = await apiFailure(provider.availability({ services: [{ serviceId: 'kita-anmeldung', count: 4 }], from: '2026-12-01', to: '2026-12-31' }));
    expect(error.kind).to.equal('validation');
  });

  it('books with double opt-in, then cancels and reschedules through the management token', async () => {
    const { provider, mails } = setup();
    const held = await provider.reserve({ services, slot: data.slots[0]! });
    expect(await provider.submit(held, details)).to.include({ kind: 'activation-sent' });
    const activation = mails.find((m) => m.kind === 'activation')!.token;
    const appointment = await provider.activate(activation);
    expect(appointment.status).to.equal('confirmed');
    expect(appointment.services).to.deep.equal([{ serviceId: 'kita-anmeldung', count: 2, name: 'Anmeldung Kindertagesbetreuung' }]);
    expect((await provider.activate(activation)).id).to.equal(appointment.id);

    const token = appointment.managementToken!;
    const { appointment: moved } = await provider.reschedule(token, await provider.reserve({ services, slot: data.slots[2]! }));
    expect(moved.slot.id).to.equal('c');
    expect((await provider.slots({ services, date: '2026-12-03' })).map((s) => s.id)).to.deep.equal(['a', 'b']);

    await provider.cancel(token);
    expect((await provider.appointment(token)).status).to.equal('cancelled');
    expect((await provider.slots({ services, date: '2026-12-04' })).map((s) => s.id)).to.deep.equal(['c']);
  });
});
