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
  .notice ul {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }
`;
