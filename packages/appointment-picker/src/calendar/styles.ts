import { css } from 'lit';

export const calendarStyles = css`
  .calendar {
    max-width: 28rem;
  }
  .calendar__header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  .calendar__title {
    font-size: 1.1em;
    text-align: center;
  }
  .calendar__nav {
    padding-inline: 0.75em;
  }
  .calendar__grid {
    width: 100%;
    border-collapse: separate;
    border-spacing: 2px;
    table-layout: fixed;
  }
  .calendar__grid th {
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_text-muted);
    padding-block: 0.25rem;
  }
  .calendar__day {
    position: relative;
    height: 2.75rem;
    text-align: center;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    color: var(--_text-muted);
  }
  .calendar__day--free {
    cursor: pointer;
    color: var(--_text);
    font-weight: 700;
    background: var(--_surface);
    border-color: var(--_border);
  }
  .calendar__day--free:hover {
    border-color: var(--_primary);
  }
  .calendar__day--selected {
    background: var(--_primary);
    color: var(--_on-primary);
    border-color: var(--_primary);
  }
  .calendar__day:focus-visible {
    outline: var(--_ring) solid var(--_focus);
    outline-offset: 1px;
  }
  .calendar__dot {
    position: absolute;
    inset-block-end: 0.25rem;
    inset-inline-start: calc(50% - 0.2rem);
    width: 0.4rem;
    height: 0.4rem;
    border-radius: 50%;
    background: currentColor;
  }
  @media (forced-colors: active) {
    .calendar__day--free {
      border-color: ButtonText;
    }
    .calendar__day--selected {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
