import { defineElement } from '@muni-widgets/core';
import { MuniAppointmentPicker } from './muni-appointment-picker.js';

defineElement('muni-appointment-picker', MuniAppointmentPicker);

declare global {
  interface HTMLElementTagNameMap {
    'muni-appointment-picker': MuniAppointmentPicker;
  }
}
