import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { MuniElement, coreMessages, defineElement, fieldStyles } from '../../packages/core/src/index.js';

/** What a story shows inside the widget; it gets the widget for its translator and resolved configuration. */
export type StoryContent = (widget: StoryWidget) => TemplateResult;

/**
 * A stand-in widget for stories: it renders what the story hands it inside
 * MuniElement, so shared parts get the theme tokens, the locale and the
 * "not configured" state exactly as a real widget's do.
 */
export class StoryWidget extends MuniElement {
  static override styles = [
    MuniElement.styles,
    fieldStyles,
    css`
      .root {
        padding: var(--_space);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--_space) * 0.5);
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0 0 calc(var(--_space) * 0.5);
      }
    `,
  ];

  @property({ attribute: false }) content: StoryContent | undefined;

  /** Story content speaks with core's messages. */
  protected readonly messages = coreMessages;

  protected renderWidget(): TemplateResult {
    return html`${this.content?.(this) ?? nothing}`;
  }
}

defineElement('story-widget', StoryWidget);

declare global {
  interface HTMLElementTagNameMap {
    'story-widget': StoryWidget;
  }
}
