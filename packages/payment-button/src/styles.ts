import { css } from 'lit';

export const paymentStyles = css`
  :host {
    max-width: 36rem;
  }
  .root {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .summary {
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  .summary div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 1rem;
    border-bottom: 1px solid var(--_border);
    padding-block: 0.3rem;
  }
  .summary dd {
    margin: 0;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  a.button {
    text-decoration: none;
  }
  .notice ul {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }
  @media print {
    .no-print {
      display: none !important;
    }
  }
`;
