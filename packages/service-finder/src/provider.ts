import type { CallOptions } from '@muni-widgets/core';
import type { ServiceCatalog, ServiceDetail, ServiceSummary } from './model.js';

export type * from './model.js';
export type { CallOptions };

/**
 * What `<muni-service-finder>` needs from a catalog backend. Failures reject with core's
 * `ApiError`, so the widget can show one German message with a retry for every source.
 */
export interface ServiceProvider {
  /** The whole catalog for browsing and the in-browser index. */
  catalog(options?: CallOptions): Promise<ServiceCatalog>;
  /** One service with everything the service page shows; `undefined` when it does not exist. */
  service(id: string, options?: CallOptions): Promise<ServiceDetail | undefined>;
  /**
   * Server-side search with the same ranking as the browser index, for catalogs too large to
   * load. Providers whose whole catalog is local leave it out.
   */
  search?(query: string, options?: CallOptions & { limit?: number }): Promise<ServiceSummary[]>;
}
