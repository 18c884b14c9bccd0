import { expect } from '@open-wc/testing';
import { appointmentIcs } from '../src/ics.js';

describe('appointmentIcs', () => {
  it('writes an RFC 5545 event in UTC with escaped text', () => {
    const ics = appointmentIcs(
      {
        id: 'a1',
        status: 'confirmed',
        services: [{ serviceId: 'kita-anmeldung', count: 2, name: 'Anmeldung Kindertagesbetreuung' }],
        office: { id: 'kita', name: 'Kita-Abteilung; Jugendamt', street: 'Lindenstraße 14', postalCode: '12345', city: 'Musterstadt' },
        slot: { id: 's', start: '2026-12-03T09:30:00+01:00', end: '2026-12-03T10:30:00+01:00', officeId: 'kita' },
      },
      new Date('2026-11-23T12:00:00Z'),
    );
    expect(ics.split('\r\n')).to.include.members([
      'BEGIN:VEVENT',
      'DTSTART:20261203T083000Z',
      'DTEND:20261203T093000Z',
      'DTSTAMP:20261123T120000Z',
      'SUMMARY:Anmeldung Kindertagesbetreuung (2) – Kita-Abteilung\\; Jugendamt',
      'LOCATION:Kita-Abteilung\\; Jugendamt\\, Lindenstraße 14\\, 12345 Musterstadt',
    ]);
  });
});
