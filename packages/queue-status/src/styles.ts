import { css } from 'lit';

export const queueStyles = css`
  :host {
    max-width: 48rem;
  }
  .root {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  h2,
  h3 {
    line-height: 1.25;
  }
  .hours {
    display: flex;
    flex-direction: column;
  }
  .open {
    color: var(--_success);
  }
  .stale {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 0.3rem solid var(--_warning);
    background: var(--_surface);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.35rem 0.5rem 0.35rem 0;
    border-bottom: 1px solid var(--_border);
  }
  td {
    white-space: nowrap;
  }
  .calls {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .calls li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1rem;
    padding-block: 0.3rem;
    border-bottom: 1px solid var(--_border);
  }
  .call,
  .number {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .ticket {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_space);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .ticket .number {
    font-size: 1.6em;
  }
  .ticket-status {
    font-size: 1.25em;
    font-weight: 600;
  }
  .fields,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
  }
  .my-number {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
`;
