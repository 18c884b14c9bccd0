import { MemoryAppointmentProvider, type MemoryData } from '../src/providers/memory.js';
import type { Slot } from '../src/provider.js';
import { dayInZone } from '@muni-widgets/core';

/** Kita data for component tests: two services at one office, slots on the next working days. */
export function kitaProvider(options: ConstructorParameters<typeof MemoryAppointmentProvider>[1] = {}) {
  const slots: Slot[] = [];
  const start = new Date();
  start.setUTCHours(8, 0, 0, 0);
  for (let day = 2; day < 12; day++) {
    for (const hour of [8, 9, 13]) {
      const at = new Date(start.getTime() + day * 86_400_000);
      at.setUTCHours(hour);
      const id = `kita|${at.toISOString()}`;
      slots.push({ id, start: at.toISOString(), end: new Date(at.getTime() + 30 * 60_000).toISOString(), officeId: 'kita-abteilung' });
    }
  }
  const data: MemoryData = {
    services: [
      {
        id: 'kita-anmeldung',
        name: 'Anmeldung Kindertagesbetreuung',
        durationMinutes: 30,
        maxCount: 3,
        officeIds: ['kita-abteilung'],
        fields: [{ id: 'child_birth_date', label: 'Geburtsdatum des Kindes', type: 'date', required: true }],
      },
      { id: 'kita-vertrag', name: 'Vertragsabschluss', durationMinutes: 45, maxCount: 2, officeIds: ['kita-abteilung'], fields: [] },
    ],
    offices: [{ id: 'kita-abteilung', name: 'Kita-Abteilung', street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt', accessibility: 'Stufenloser Zugang' }],
    slots,
  };
  const firstDay = dayInZone(slots[0]!.start);
  return { provider: new MemoryAppointmentProvider(data, options), data, firstDay };
}
