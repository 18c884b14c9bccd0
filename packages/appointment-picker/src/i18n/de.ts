/** Appointment picker messages, German first: the source of truth for keys. */
export const de = {
  calendarLabel: 'Tag auswählen',
  previousMonth: 'Vorheriger Monat',
  nextMonth: 'Nächster Monat',
  freeSlots: (p: { count: number }) => (p.count === 1 ? '1 freier Termin' : `${p.count} freie Termine`),
  noFreeSlots: 'keine freien Termine',
  outsideWindow: 'nicht buchbar',
  selectedDay: 'ausgewählt',
  calendarHelp: 'Pfeiltasten wechseln den Tag, Bild auf und Bild ab den Monat, Eingabe wählt den Tag.',
} as const;
