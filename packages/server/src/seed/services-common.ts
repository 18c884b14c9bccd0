/** Types, categories and shorthands shared by the service catalogue data files (services-*.ts). */

export interface FeeSeed {
  label: string;
  amountCents?: number;
  minCents?: number;
  maxCents?: number;
}

export interface ServiceSeed {
  id: string;
  leika: string;
  name: string;
  short: string;
  description: string;
  category: CategoryId;
  synonyms: string[];
  offices: string[];
  prerequisites?: string[];
  documents?: string[];
  fees?: FeeSeed[];
  processingTime?: string;
  legalBasis?: string;
  forms?: Array<{ title: string; url: string }>;
  online?: string;
  appointment?: string;
  updated: string;
}

export const SERVICE_CATEGORIES = [
  { id: 'ausweise-dokumente', name: 'Ausweise & Dokumente' },
  { id: 'wohnen-umzug', name: 'Wohnen & Umzug' },
  { id: 'familie-kinder', name: 'Familie & Kinder' },
  { id: 'schule-bildung', name: 'Schule & Bildung' },
  { id: 'standesamt', name: 'Standesamt' },
  { id: 'tod-bestattung', name: 'Tod & Bestattung' },
  { id: 'arbeit-gewerbe', name: 'Arbeit & Gewerbe' },
  { id: 'auto-verkehr', name: 'Auto & Verkehr' },
  { id: 'sicherheit-ordnung', name: 'Sicherheit & Ordnung' },
  { id: 'fundsachen-verluste', name: 'Fundsachen & Verluste' },
  { id: 'steuern-abgaben', name: 'Steuern & Abgaben' },
  { id: 'bauen', name: 'Bauen' },
  { id: 'gesundheit-soziales', name: 'Gesundheit & Soziales' },
  { id: 'wahlen-beteiligung', name: 'Wahlen & Beteiligung' },
] as const;
export type CategoryId = (typeof SERVICE_CATEGORIES)[number]['id'];

/** Shorthands for the data files. */
export const form = (title: string, slug: string) => ({ title, url: `https://www.musterstadt.example/formulare/${slug}.pdf` });
export const online = (slug: string) => `https://service.musterstadt.example/${slug}`;
export const fee = (amountCents: number, label = 'Gebühr'): FeeSeed => ({ label, amountCents });
export const feeRange = (minCents: number, maxCents: number, label = 'Gebühr je nach Aufwand'): FeeSeed => ({ label, minCents, maxCents });
export const FREE: FeeSeed = { label: 'gebührenfrei', amountCents: 0 };
export const ID_DOC = 'Gültiger Personalausweis oder Reisepass';

