import { ApiError } from '@muni-widgets/core';
import type { ServiceDetail, ServiceOffice } from '../src/model.js';
import { MemoryServiceProvider, type MemoryCatalog } from '../src/providers/memory.js';
import type { ServiceProvider } from '../src/provider.js';

const week = (intervals: Array<[string, string]>) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: intervals.map(([opens, closes]) => ({ opens, closes })) }));

export const buergerbuero: ServiceOffice = {
  id: 'buergerbuero',
  name: 'Bürgerbüro',
  address: { building: 'Rathaus', street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt', room: 'Erdgeschoss, Raum E.04' },
  phone: '+49 1234 5678-100',
  email: 'buergerbuero@musterstadt.example',
  openingHours: week([['08:00', '12:00'], ['14:00', '18:00']]),
  exceptions: [{ from: '2026-12-25', to: '2026-12-26', reason: 'Weihnachten', intervals: [] }],
  accessibility: { stepFreeAccess: true, accessibleToilet: true, inductionLoop: false, notes: 'Eingang über die Rampe an der Kirchstraße.' },
};

const service = (s: Partial<ServiceDetail> & Pick<ServiceDetail, 'id' | 'name' | 'category'>): ServiceDetail => ({
  shortDescription: `${s.name} – kurz erklärt.`,
  synonyms: [],
  officeIds: ['buergerbuero'],
  description: { format: 'text', text: `${s.name}.\n\nZweiter Absatz.` },
  prerequisites: [],
  requiredDocuments: [],
  fees: [],
  forms: [],
  offices: [buergerbuero],
  ...s,
});

export const catalogData: MemoryCatalog = {
  categories: [
    { id: 'ausweise', name: 'Ausweise & Dokumente' },
    { id: 'wohnen', name: 'Wohnen & Umzug' },
    { id: 'familie', name: 'Familie & Kinder' },
  ],
  contact: { name: 'Stadt Musterstadt', phone: '+49 1234 5678-0', email: 'info@musterstadt.example', website: 'https://www.musterstadt.example' },
  services: [
    service({
      id: 'personalausweis-beantragen',
      leika: '99102013104000',
      name: 'Personalausweis beantragen',
      category: 'ausweise',
      synonyms: ['Perso', 'Ausweis'],
      prerequisites: ['Hauptwohnsitz in Musterstadt'],
      requiredDocuments: ['Bisheriger Personalausweis', 'Biometrisches Passfoto'],
      fees: [
        { label: 'Ab 24 Jahren', amountCents: 3700 },
        { label: 'Unter 24 Jahren', amountCents: 2280 },
      ],
      processingTime: 'etwa 3 bis 4 Wochen',
      legalBasis: 'Personalausweisgesetz (PAuswG)',
      forms: [{ title: 'Vollmacht zur Abholung', url: 'https://www.musterstadt.example/formulare/vollmacht.pdf' }],
      appointmentServiceId: 'personalausweis',
      appointment: { serviceId: 'personalausweis', name: 'Personalausweis', durationMinutes: 20 },
      lastUpdated: '2025-11-03',
    }),
    service({
      id: 'reisepass-beantragen',
      name: 'Reisepass beantragen',
      category: 'ausweise',
      synonyms: ['Pass'],
      onlineServiceUrl: 'https://service.musterstadt.example/reisepass',
    }),
    service({
      id: 'wohnsitz-anmelden',
      name: 'Wohnsitz anmelden',
      category: 'wohnen',
      synonyms: ['Ummelden', 'Anmeldung Wohnung'],
      description: {
        format: 'html',
        html: '<p>Melden Sie sich <strong>innerhalb von zwei Wochen</strong> an.</p><img src="x" onerror="window.__xss = true"><script>window.__xss = true</script><p><a href="https://www.musterstadt.example/meldewesen" target="_blank">Mehr zum Meldewesen</a> <a href="javascript:window.__xss=true">Klick</a></p>',
      },
    }),
    service({ id: 'kita-platz-beantragen', name: 'Kita-Platz beantragen', category: 'familie', synonyms: ['Kindergarten', 'Kita'], offices: [] }),
    service({ id: 'elterngeld', name: 'Elterngeld beantragen', category: 'familie', offices: [] }),
    service({ id: 'zweitwohnungsteuer', name: 'Zweitwohnungsteuer', category: 'wohnen', offices: [] }),
    service({ id: 'aerztliche-bescheinigung', name: 'Ärztliche Bescheinigung beglaubigen', category: 'ausweise', offices: [] }),
  ],
};

/**
 * The catalog in memory, with every call recorded and failures on demand. `failSearch` gives the
 * provider a server search (the finder's way on when its catalog cannot be loaded) failing that often.
 */
export function finderProvider(options: { failCatalog?: number; failService?: number; failSearch?: number } = {}) {
  const memory = new MemoryServiceProvider(catalogData);
  const calls: string[] = [];
  let catalogFailures = options.failCatalog ?? 0;
  let serviceFailures = options.failService ?? 0;
  const provider: ServiceProvider = {
    async catalog(o) {
      calls.push('catalog');
      if (catalogFailures-- > 0) throw new ApiError('network');
      return memory.catalog(o);
    },
    async service(id, o) {
      calls.push(`service:${id}`);
      if (serviceFailures-- > 0) throw new ApiError('network');
      return memory.service(id, o);
    },
  };
  let searchFailures = options.failSearch ?? 0;
  if (options.failSearch !== undefined) {
    provider.search = async (query) => {
      calls.push(`search:${query}`);
      if (searchFailures-- > 0) throw new ApiError('malformed');
      const words = query.toLowerCase();
      return catalogData.services.filter((s) => s.name.toLowerCase().includes(words));
    };
  }
  return { provider, calls };
}
