export { MuniAppointmentPicker } from './muni-appointment-picker.js';
export type * from './provider.js';
export { RestAppointmentProvider } from './providers/rest.js';
export { MemoryAppointmentProvider, type MemoryData, type MemoryOptions } from './providers/memory.js';
export { appointmentIcs } from './ics.js';
