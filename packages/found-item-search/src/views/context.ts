import type { nothing, TemplateResult } from 'lit';
import type { ApiError, CoreMessages, Locale, Translate } from '@muni-widgets/core';
import type { ClaimReceipt, FoundItem, FoundItemCategory, FoundItemColour, LossReport, LossReportReceipt, SearchFilters, SearchPage } from '../provider.js';
import type { ClaimInput, ReportInput } from '../validation.js';
import type { FoundMessages } from '../i18n/messages.js';
import type { View } from '../filters.js';

/** What the found-item views read, and what they may ask the widget to do. */
export interface FoundContext {
  t: Translate<FoundMessages>;
  coreT: Translate<CoreMessages>;
  locale: Locale;
  busy: boolean;
  error: ApiError | undefined;
  solving: boolean;
  fieldErrors: Record<string, string>;
  categories: FoundItemCategory[];
  colours: FoundItemColour[];
  /** What the search form shows; applied to the results only on "Suchen". */
  draft: SearchFilters;
  results: SearchPage | undefined;
  item: FoundItem | undefined;
  claimInput: ClaimInput;
  claimReceipt: ClaimReceipt | undefined;
  reportInput: ReportInput;
  reportReceipt: LossReportReceipt | undefined;
  managed: LossReport | undefined;
  manageState: 'view' | 'confirm-delete' | 'deleted';
  renewed: boolean;
  /** The report was just confirmed through the link in its first mail. */
  activated: boolean;

  /** A calendar date ("2026-04-05") as "Sonntag, 5. April 2026". */
  dateText: (isoDate: string) => string;
  /** An instant on the office's calendar. */
  instantText: (instant: string) => string;
  focusField: (id: string) => void;
  /** A link to `view` that keeps the rest of the page's fragment (other widgets' places). */
  viewHref: (view: View) => string;
  /** The error in place of content that could not be loaded, or below a form that could not be sent. */
  renderError: () => TemplateResult | typeof nothing;

  /** The widget's actions, by name, with their arguments. */
  act: <A extends keyof FoundActions>(action: A, ...args: FoundActions[A]) => void;
  setDraft: (key: keyof SearchFilters, value: string) => void;
  setClaim: (key: keyof ClaimInput, value: string | boolean) => void;
  setReport: (key: keyof ReportInput, value: string | boolean) => void;
}

export interface FoundActions {
  submitSearch: [];
  resetSearch: [];
  goToPage: [page: number];
  /** Back to the last search (or the start), keeping its filters. */
  backToSearch: [];
  openClaim: [item: FoundItem];
  sendClaim: [];
  openReport: [];
  sendReport: [];
  renewReport: [];
  askDelete: [confirming: boolean];
  deleteReport: [];
}
