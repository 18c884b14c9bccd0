import { css } from 'lit';

export const finderStyles = css`
  .finder__view {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .search {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
  }
  .search__row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .combobox {
    position: relative;
    flex: 1 1 14rem;
    min-width: 0;
  }
  .combobox .field__input {
    width: 100%;
  }
  .combobox__listbox {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    top: calc(100% + 2px);
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    max-height: min(24rem, 60vh);
    overflow-y: auto;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  .combobox__listbox[hidden] {
    display: none;
  }
  .combobox__option {
    display: flex;
    flex-direction: column;
    padding: 0.5rem 0.75rem;
    cursor: pointer;
    min-height: 2.75rem;
  }
  .combobox__option:hover {
    background: var(--_surface);
  }
  .combobox__option[aria-selected='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
    outline: 2px solid transparent;
  }
  .combobox__option[aria-selected='true'] .muted {
    color: inherit;
  }
  .option__category {
    font-size: 0.875em;
  }

  .categories,
  .service-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .categories {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
  }
  .categories li,
  .service-list li {
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
  }
  .categories a,
  .service-list a {
    font-weight: 600;
    padding-block: 0.2rem;
  }

  .letters .button {
    min-width: 2.75rem;
    padding-inline: 0.5rem;
  }
  .letters__empty {
    display: inline-flex;
    min-width: 2.75rem;
    min-height: 2.75rem;
    align-items: center;
    justify-content: center;
    color: var(--_text-muted);
  }

  .service {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .service__lead {
    font-size: 1.1em;
  }
  .service__section {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .service__section ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  /* Catalog entries keep their own line breaks (a list inside a prerequisite's note). */
  .lines li,
  .checklist label {
    white-space: pre-line;
  }
  .checklist ul {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .checklist li {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
  }
  .checklist input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .office {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_space);
    background: var(--_surface);
    border-radius: var(--_radius);
    border: 1px solid transparent;
  }
  .opening--open strong {
    color: var(--_success);
  }
  .hours {
    border-collapse: collapse;
    width: 100%;
    max-width: 26rem;
  }
  .hours th,
  .hours td {
    text-align: start;
    vertical-align: top;
    padding: 0.2rem 0.5rem 0.2rem 0;
    font-weight: normal;
  }
  .hours__today th,
  .hours__today td {
    font-weight: 700;
  }
  .rich-text {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .rich-text ul,
  .rich-text ol {
    margin: 0;
  }

  :host([kiosk]) {
    --_font-size: calc(var(--muni-font-size, 1rem) * 1.25);
  }
  :host([kiosk]) .button,
  :host([kiosk]) .field__input,
  :host([kiosk]) .combobox__option,
  :host([kiosk]) .categories a,
  :host([kiosk]) .service-list a {
    min-height: 3.5rem;
  }
  :host([kiosk]) .categories a,
  :host([kiosk]) .service-list a {
    display: flex;
    align-items: center;
  }

  @media (forced-colors: active) {
    .combobox__option[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .office {
      border-color: CanvasText;
    }
  }
  @media print {
    .combobox__listbox {
      display: none !important;
    }
    .office {
      break-inside: avoid;
    }
  }
`;
