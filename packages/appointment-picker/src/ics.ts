import type { Appointment } from './provider.js';

/** Escapes text for an iCalendar TEXT value (RFC 5545, 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** 20261203T083000Z */
function utc(instant: string): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A calendar file for a confirmed appointment, built in the browser so that
 * no token has to travel in a download URL.
 */
export function appointmentIcs(appointment: Appointment, stamp: Date = new Date()): string {
  const { office, slot } = appointment;
  const summary = appointment.services.map((s) => (s.count > 1 ? `${s.name} (${s.count})` : s.name)).join(', ');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//muni-widgets//appointment-picker//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${appointment.id}@muni-widgets`,
    `DTSTAMP:${utc(stamp.toISOString())}`,
    `DTSTART:${utc(slot.start)}`,
    `DTEND:${utc(slot.end)}`,
    `SUMMARY:${text(`${summary} – ${office.name}`)}`,
    `LOCATION:${text(`${office.name}, ${office.street}, ${office.postalCode} ${office.city}`)}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
