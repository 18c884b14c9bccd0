import { css } from 'lit';

/**
 * For widgets that move between views (search, detail, forms): the column they stand in
 * (`.views`), heading sizes, rows of controls (`.row-list`), and headings that receive focus after a step (tabindex -1) show no
 * ring for that focus, only for the keyboard.
 */
export const viewStyles = css`
  .views {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.25);
    max-width: 52rem;
  }
  h2 {
    font-size: 1.35em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.15em;
  }
  h4 {
    font-size: 1.05em;
  }
  /* A row of controls that wraps (pages, letters): a list for screen readers, no bullets. */
  .row-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    align-items: center;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--_ring) solid var(--_focus);
  }
`;
