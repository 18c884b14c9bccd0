import { css } from 'lit';
import { calendarStyles } from './calendar/styles.js';

const flowStyles = css`
  .picker {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    max-width: 44rem;
  }
  .picker__title {
    font-size: 1.4em;
    line-height: 1.25;
  }
  .step__title {
    font-size: 1.2em;
  }
  .step__title:focus {
    outline: none;
  }
  .step__title:focus-visible {
    outline: var(--_ring) solid var(--_focus);
  }
  .step__actions,
  .slot-tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .choices,
  .time-list,
  .day-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    margin-block-start: 0.5rem;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
    align-items: start;
    padding: 0.75rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .choice > input,
  .consent > input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_primary);
  }
  .choice > label {
    font-weight: 600;
  }
  .choice__info,
  .choice__count {
    grid-column: 2;
  }
  .choice__count {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  select {
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  .time-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
    gap: 0.5rem;
  }
  .time {
    white-space: nowrap;
  }
  .day-list {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .times h4,
  .times h5 {
    margin-block: 0.75rem 0.5rem;
  }
  .hold {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.75rem var(--_space);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
  }
  .consent {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.5rem 0.75rem;
  }
  .consent .field__error {
    grid-column: 2;
  }
  .summary {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) 1fr;
    gap: 0.25rem 1rem;
  }
  .summary dt {
    font-weight: 700;
  }
  .summary dd {
    margin: 0;
  }
  .notice--info {
    border-color: var(--_primary);
  }
  @media (max-width: 30rem) {
    .summary {
      grid-template-columns: 1fr;
    }
    .summary dd {
      margin-block-end: 0.5rem;
    }
  }
  @media print {
    .step__actions,
    .slot-tools,
    .hold button {
      display: none;
    }
  }
`;

export const pickerStyles = [calendarStyles, flowStyles];
