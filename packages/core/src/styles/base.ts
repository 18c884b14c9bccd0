import { css } from 'lit';

/**
 * What every widget's shadow root starts from. Host pages ship aggressive CSS
 * (`* { box-sizing: content-box }`, huge root font sizes); the shadow boundary
 * stops selectors, and inheritable properties are reset here so the host's
 * text settings cannot leak in.
 */
export const base = css`
  :host {
    display: block;
    box-sizing: border-box;
    background: var(--_bg);
  }
  :host([hidden]) {
    display: none;
  }
  /* The host element is in the page's DOM: '* { color: #222 !important }' or
     '* { box-sizing: content-box }' from a theme match it and beat ':host'. The wrapper
     inside the shadow root is out of every page selector's reach, so the text settings
     live there and box-sizing is not inherited from the host. */
  .root {
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    line-height: 1.5;
    color: var(--_text);
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4,
  p,
  ul,
  ol,
  dl,
  fieldset {
    margin: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
    min-width: 0;
  }
  a {
    color: var(--_primary);
  }
  :focus-visible {
    outline: var(--_ring) solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  .muted {
    color: var(--_text-muted);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
  /* A row of actions: buttons and links side by side, wrapping on narrow screens. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  @media print {
    :host,
    .root {
      color: #000;
      background: #fff;
    }
    /* Controls that make no sense on paper (search, retry, "print"). */
    .no-print {
      display: none !important;
    }
  }
`;
