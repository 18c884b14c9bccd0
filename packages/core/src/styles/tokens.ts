import { css } from 'lit';

/**
 * The public theming surface: `--muni-*` custom properties a city sets on the
 * element or any ancestor. Inside, everything reads private `--_*` copies so
 * a default lives in one place and dark mode can swap defaults while still
 * honouring what the city set. Defaults meet WCAG 2.2 AA contrast (4.5:1 text,
 * 3:1 UI) on their own background.
 *
 * Public properties:
 * --muni-color-primary, --muni-color-on-primary, --muni-color-text,
 * --muni-color-text-muted, --muni-color-background, --muni-color-surface,
 * --muni-color-border, --muni-color-error, --muni-color-success,
 * --muni-color-warning, --muni-color-focus, --muni-font-family,
 * --muni-font-size, --muni-radius, --muni-spacing, --muni-focus-ring-width
 */
export const tokens = css`
  :host {
    --_primary: var(--muni-color-primary, #0a4f8f);
    --_on-primary: var(--muni-color-on-primary, #ffffff);
    --_text: var(--muni-color-text, #1b1b1b);
    --_text-muted: var(--muni-color-text-muted, #545454);
    --_bg: var(--muni-color-background, #ffffff);
    --_surface: var(--muni-color-surface, #f3f5f7);
    --_border: var(--muni-color-border, #767676);
    --_error: var(--muni-color-error, #b3261e);
    --_success: var(--muni-color-success, #1e6b34);
    --_warning: var(--muni-color-warning, #8a5300);
    --_focus: var(--muni-color-focus, #0a4f8f);
    --_font: var(--muni-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_font-size: var(--muni-font-size, 1rem);
    --_radius: var(--muni-radius, 0.375rem);
    --_space: var(--muni-spacing, 1rem);
    --_ring: var(--muni-focus-ring-width, 3px);
    color-scheme: light;
  }

  :host([data-theme='dark']) {
    --_primary: var(--muni-color-primary, #9ccaff);
    --_on-primary: var(--muni-color-on-primary, #002f5a);
    --_text: var(--muni-color-text, #f1f1f1);
    --_text-muted: var(--muni-color-text-muted, #c4c4c4);
    --_bg: var(--muni-color-background, #121417);
    --_surface: var(--muni-color-surface, #1f2328);
    --_border: var(--muni-color-border, #9a9a9a);
    --_error: var(--muni-color-error, #ffb4ab);
    --_success: var(--muni-color-success, #8fd9a0);
    --_warning: var(--muni-color-warning, #ffcf80);
    --_focus: var(--muni-color-focus, #9ccaff);
    color-scheme: dark;
  }
`;
