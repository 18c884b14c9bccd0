import { defineElement } from '@muni-widgets/core';
import '@muni-widgets/core/define.js';
import { MuniQueueStatus } from './muni-queue-status.js';

defineElement('muni-queue-status', MuniQueueStatus);

declare global {
  interface HTMLElementTagNameMap {
    'muni-queue-status': MuniQueueStatus;
  }
}
