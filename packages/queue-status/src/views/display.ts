/**
 * The waiting-room display, loaded only when `display` is set: full-screen styles (large type,
 * high contrast whatever the page's theme), the board, and speech synthesis.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Locale } from '@muni-widgets/core';

export const displayStyles = css`
  /* Waiting-room display: the whole screen, large type, high contrast whatever the page's theme. */
  :host([display]) {
    position: fixed;
    inset: 0;
    z-index: 2147483000;
    max-width: none;
    overflow: auto;
    padding: 2vmin 3vmin;
    font-size: clamp(1.25rem, 3.2vmin, 3rem);
    --_bg: #000;
    --_text: #fff;
    --_text-muted: #e0e0e0;
    --_border: #8a8a8a;
    --_success: #7cf29a;
    --_warning: #ffd84d;
    --_surface: #1a1a1a;
    background: #000;
    color: #fff;
  }
  :host([display]) .board {
    display: grid;
    grid-template-columns: 3fr 2fr;
    gap: 3vmin;
  }
  :host([display]) .calls li:first-child {
    font-size: 1.8em;
    color: #ffd84d;
  }
  @media (max-aspect-ratio: 1/1) {
    :host([display]) .board {
      grid-template-columns: 1fr;
    }
  }
`;

export function board(calls: TemplateResult, groups: TemplateResult): TemplateResult {
  return html`<div class="board"><div>${calls}</div><div>${groups}</div></div>`;
}

/** Reads the calls aloud in the widget's language, after any still being spoken. */
export function say(text: string, locale: Locale): void {
  if (typeof speechSynthesis === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = locale === 'de' ? 'de-DE' : 'en-GB';
  speechSynthesis.speak(utterance);
}
