import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface ComboboxOptions<T> {
  /** Unique in the shadow root: input, listbox and option ids derive from it. */
  id: string;
  key: (item: T) => string;
  renderOption: (item: T) => TemplateResult;
  /** An option was picked (Enter on the active one, or a click). */
  onChoose: (item: T) => void;
  /** Enter with no option active: search for the text as typed. */
  onSubmit: (text: string) => void;
  /** Escape on a closed popup clears the text. */
  onClear: () => void;
}

/**
 * The WAI-ARIA APG combobox with a listbox popup and list autocomplete: focus stays in the
 * input, `aria-activedescendant` names the active option, Down/Up move (wrapping), Alt+Down
 * opens, Alt+Up and Escape close, a second Escape clears, Enter picks or submits.
 */
export class ComboboxController<T> implements ReactiveController {
  items: readonly T[] = [];
  expanded = false;
  active = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ComboboxOptions<T>,
  ) {
    host.addController(this);
  }

  /** A popup left open would reappear open when the widget is attached again. */
  hostDisconnected(): void {
    this.expanded = false;
    this.active = -1;
  }

  /** New suggestions for new text: nothing is active until the citizen arrows into the list. */
  show(items: readonly T[]): void {
    this.items = items;
    this.active = -1;
    this.expanded = items.length > 0;
    this.host.requestUpdate();
  }

  close(): void {
    if (!this.expanded && this.active < 0) return;
    this.expanded = false;
    this.active = -1;
    this.host.requestUpdate();
  }

  private move(to: number): void {
    const count = this.items.length;
    if (count === 0) return;
    this.expanded = true;
    this.active = (to + count) % count;
    this.host.requestUpdate();
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    const input = event.target as HTMLInputElement;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) {
          this.expanded = this.items.length > 0;
          this.host.requestUpdate();
        } else this.move(this.expanded ? this.active + 1 : 0);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) this.close();
        else this.move(this.expanded ? this.active - 1 : -1);
        return;
      case 'Enter': {
        // The widget may sit inside a host page's <form>: Enter must never submit it.
        event.preventDefault();
        const item = this.expanded ? this.items[this.active] : undefined;
        this.close();
        if (item !== undefined) this.options.onChoose(item);
        else this.options.onSubmit(input.value);
        return;
      }
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          this.close();
        } else if (input.value) {
          event.preventDefault();
          this.options.onClear();
        }
        return;
    }
  };

  /** Leaving the input closes the popup; a click on an option is handled before (mousedown keeps focus). */
  readonly onBlur = (): void => this.close();

  optionId(index: number): string {
    return `${this.options.id}-option-${index}`;
  }

  get listboxId(): string {
    return `${this.options.id}-listbox`;
  }

  /** What the input needs besides its value and label. */
  inputAttributes(): { activedescendant: string | typeof nothing } {
    return { activedescendant: this.expanded && this.active >= 0 ? this.optionId(this.active) : nothing };
  }

  renderListbox(label: string): TemplateResult {
    return html`<ul class="combobox__listbox" part="listbox" role="listbox" id=${this.listboxId} aria-label=${label} ?hidden=${!this.expanded}>
      ${this.items.map(
        (item, index) => html`<li
          class="combobox__option"
          part="option"
          role="option"
          id=${this.optionId(index)}
          aria-selected=${index === this.active ? 'true' : 'false'}
          data-key=${this.options.key(item)}
          @mousedown=${(event: MouseEvent) => event.preventDefault()}
          @click=${() => {
            this.close();
            this.options.onChoose(item);
          }}
        >
          ${this.options.renderOption(item)}
        </li>`,
      )}
    </ul>`;
  }
}
