import type { CallOptions, ServiceProvider } from '../provider.js';
import type { CityContact, ServiceCatalog, ServiceCategory, ServiceDetail, ServiceSummary } from '../model.js';

export interface MemoryCatalog {
  services: ServiceDetail[];
  /** Category names in display order; counts are computed. */
  categories: Omit<ServiceCategory, 'serviceCount'>[];
  contact?: CityContact;
}

function summaryOf(d: ServiceDetail): ServiceSummary {
  const { id, leika, name, shortDescription, category, synonyms, officeIds, onlineServiceUrl, appointmentServiceId } = d;
  return { id, name, shortDescription, category, synonyms, officeIds, ...(leika ? { leika } : {}), ...(onlineServiceUrl ? { onlineServiceUrl } : {}), ...(appointmentServiceId ? { appointmentServiceId } : {}) };
}

/**
 * A catalog already in the normalized model, held in memory: for a page script that builds it
 * itself, for Storybook and for tests. Answers are copies, so callers cannot change the data.
 */
export class MemoryServiceProvider implements ServiceProvider {
  constructor(private readonly data: MemoryCatalog) {}

  async catalog(_options?: CallOptions): Promise<ServiceCatalog> {
    const { services, categories, contact } = this.data;
    return structuredClone({
      services: services.map(summaryOf),
      categories: categories.map((c) => ({ ...c, serviceCount: services.filter((s) => s.category === c.id).length })),
      ...(contact ? { contact } : {}),
    });
  }

  async service(id: string, _options?: CallOptions): Promise<ServiceDetail | undefined> {
    const found = this.data.services.find((s) => s.id === id);
    return found && structuredClone(found);
  }
}
