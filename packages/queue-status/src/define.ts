import { defineElement } from '@muni-widgets/core';
import { MuniQueueStatus } from './muni-queue-status.js';

defineElement('muni-queue-status', MuniQueueStatus);

declare global {
  interface HTMLElementTagNameMap {
    'muni-queue-status': MuniQueueStatus;
  }
}
