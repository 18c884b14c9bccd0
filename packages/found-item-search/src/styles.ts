import { css } from 'lit';

export const foundStyles = css`
  .found > *,
  .form,
  .search,
  .results,
  .outcome,
  .manage,
  .pickup,
  .detail {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  fieldset {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  legend {
    font-weight: 700;
    font-size: 1.05em;
    padding: 0;
    margin-bottom: 0.5rem;
  }
  .search__grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: var(--_space);
  }
  .checkbox__row {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
  }
  .checkbox input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .item,
  .summary-card,
  .office {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .summary-card,
  .office {
    background: var(--_surface);
    border-color: transparent;
  }
  .item__title a {
    color: inherit;
  }
  .facts {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: 0.35rem 1rem;
  }
  .facts dt {
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .facts dd {
    margin: 0;
  }
  .reference {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .pagination .page {
    padding-inline: 0.6em;
  }
  .pagination__gap {
    padding-inline: 0.35rem;
  }
  .report-hint {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    align-items: flex-start;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .hours {
    border-collapse: collapse;
  }
  .hours th,
  .hours td {
    text-align: start;
    padding: 0.15rem 1rem 0.15rem 0;
    font-weight: normal;
  }
  .pickup ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .notice h2.notice__title {
    font-size: 1.2em;
  }
  @media (forced-colors: active) {
    .summary-card,
    .office {
      border-color: CanvasText;
    }
  }
  @media print {
    .search,
    .actions,
    .pagination {
      display: none !important;
    }
  }
`;
