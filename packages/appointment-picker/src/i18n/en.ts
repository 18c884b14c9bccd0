import type { CatalogOf } from '@muni-widgets/core';
import type { de } from './de.js';

export const en: CatalogOf<typeof de> = {
  calendarLabel: 'Choose a day',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  freeSlots: (p: { count: number }) => (p.count === 1 ? '1 free slot' : `${p.count} free slots`),
  noFreeSlots: 'no free slots',
  outsideWindow: 'not bookable',
  selectedDay: 'selected',
  calendarHelp: 'Arrow keys change the day, Page Up and Page Down the month, Enter chooses the day.',
};
