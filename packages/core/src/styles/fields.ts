import { css } from 'lit';

/**
 * Styles of the text field part (../parts/text-field.ts) and of fields a widget builds itself.
 * Apart from the other parts because not every widget has a form: a widget adds them to its styles.
 */
export const fieldStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .field__label {
    font-weight: 600;
  }
  .field__hint {
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .field__error {
    color: var(--_error);
    font-weight: 600;
  }
  .field__input {
    min-height: 2.75rem;
    width: 100%;
    max-width: 32rem;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  .field__input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 3px;
  }
  textarea.field__input {
    min-height: 6rem;
    resize: vertical;
  }

  @media (forced-colors: active) {
    .field__input[aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
