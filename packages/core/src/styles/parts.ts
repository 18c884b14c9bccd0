import { css } from 'lit';

/** Styles of the shared parts every widget shows: buttons, facts, notices, loading (fields: fields.ts). */
export const partStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5em 1.1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
    text-decoration: none;
  }
  .button:hover {
    filter: brightness(1.1);
  }
  .button--secondary {
    background: transparent;
    color: var(--_primary);
  }
  .button--link {
    border-color: transparent;
    background: transparent;
    color: var(--_primary);
    text-decoration: underline;
    padding-inline: 0.25em;
  }
  .button[aria-disabled='true'],
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
    filter: none;
  }

  /* Rows of a label and its value: fees, a payment's summary and receipt. */
  .facts {
    margin: 0;
    display: grid;
    gap: 0.35rem;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 1rem;
    border-bottom: 1px solid var(--_border);
    padding-block: 0.25rem;
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }

  .notice {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-inline-start-width: 0.5rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .notice--error {
    border-color: var(--_error);
  }
  .notice--success {
    border-color: var(--_success);
  }
  .notice--warning {
    border-color: var(--_warning);
  }
  .notice__title {
    font-weight: 700;
    font-size: 1.05em;
  }
  .notice__actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .loading {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: var(--_space) 0;
  }
  .spinner {
    width: 1.5rem;
    height: 1.5rem;
    border: 3px solid var(--_border);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: muni-spin 0.9s linear infinite;
  }
  @keyframes muni-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-top-color: var(--_border);
      border-inline-end-color: var(--_primary);
    }
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
      forced-color-adjust: none;
      background: ButtonFace;
      color: ButtonText;
    }
    .button:focus-visible {
      outline-color: Highlight;
    }
    .button[aria-disabled='true'],
    .button:disabled {
      color: GrayText;
      border-color: GrayText;
    }
    .notice--error {
      border-color: Mark;
    }
    .spinner {
      border-color: CanvasText;
      border-top-color: Highlight;
    }
  }
`;
