import type { ConnectionStatus, QueueCall, QueueProvider, QueueState, QueueTicket, QueueUpdate, TicketRef } from '../provider.js';
import { call, state, ticket } from './rest-schemas.js';

/** The parts of EventSource this provider uses; tests inject a scripted stand-in. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface RestQueueOptions {
  /** Defaults to the browser's EventSource. */
  eventSource?: (url: string) => EventSourceLike;
  /** `fetch` for the probe that tells "not found" from "network down". */
  fetch?: typeof fetch;
  /** Nothing heard this long (no event, no heartbeat): stale, and the connection is renewed. */
  staleAfterMs?: number;
  /** First reconnect delay; doubles up to 30 s. */
  retryMs?: number;
}

const CLOSED = 2;

/**
 * The reference server's `GET /v1/queue/{officeId}/events` (Server-Sent Events). EventSource
 * reconnects by itself after a dropped connection (sending Last-Event-ID, so the server replays
 * missed calls); when it gives up (an HTTP error) or goes silent, this provider opens a new one
 * with backoff, after a probe that tells an unknown office or ticket (stop) from an outage (retry).
 */
export class RestQueueProvider implements QueueProvider {
  constructor(
    private readonly baseUrl: string,
    private readonly options: RestQueueOptions = {},
  ) {}

  private url(path: string, query: Record<string, string> = {}): string {
    const base = new URL(this.baseUrl.replace(/\/?$/, '/'), document.baseURI);
    const url = new URL(path, base);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.href;
  }

  subscribe(officeId: string, onState: (update: QueueUpdate) => void, onStatus: (status: ConnectionStatus) => void, options: { ticket?: TicketRef } = {}): () => void {
    const staleAfter = this.options.staleAfterMs ?? 30_000;
    const office = encodeURIComponent(officeId);
    const query: Record<string, string> = options.ticket ? { number: options.ticket.number, code: options.ticket.code } : {};
    const open = this.options.eventSource ?? ((url: string) => new EventSource(url) as EventSourceLike);
    let source: EventSourceLike | undefined;
    let stopped = false;
    let failures = 0;
    let lastEventAt: number | undefined;
    let connected = false;
    let stale = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let latest: QueueState | undefined;
    let ticketView: QueueTicket | undefined;
    let pendingCalls: QueueCall[] = [];

    const report = (error?: ConnectionStatus['error']) =>
      onStatus({ connected, stale, ...(lastEventAt !== undefined ? { lastEventAt } : {}), ...(error ? { error } : {}) });
    const heard = () => {
      lastEventAt = Date.now();
      failures = 0;
      if (stale || !connected) {
        stale = false;
        connected = true;
        report();
      }
    };
    const deliver = () => {
      if (!latest) return;
      onState({ state: latest, calls: pendingCalls, ...(ticketView ? { ticket: ticketView } : {}) });
      pendingCalls = [];
    };
    const parse = <T>(schema: (v: unknown) => T, event: MessageEvent<string>): T | undefined => {
      try {
        return schema(JSON.parse(event.data));
      } catch {
        return undefined;
      }
    };

    const connect = () => {
      source?.close();
      const es = open(this.url(`v1/queue/${office}/events`, query));
      source = es;
      es.onopen = () => heard();
      // Only events that parse count as signs of life: a connection sending nothing but garbage
      // is as good as a silent one, and the watchdog replaces it.
      es.addEventListener('state', (event) => {
        const value = parse(state, event);
        if (!value) return;
        heard();
        latest = value;
        deliver();
      });
      es.addEventListener('call', (event) => {
        const value = parse(call, event);
        if (!value) return;
        heard();
        pendingCalls.push(value);
      });
      es.addEventListener('ticket', (event) => {
        const value = parse(ticket, event);
        if (!value) return;
        heard();
        ticketView = value;
        deliver();
      });
      es.addEventListener('heartbeat', () => heard());
      es.onerror = () => {
        connected = false;
        stale = true;
        report();
        // EventSource retries dropped connections itself; only a closed one is ours to renew.
        if (es.readyState === CLOSED && source === es) void renew();
      };
    };

    const renew = async () => {
      source?.close();
      source = undefined;
      clearTimeout(retryTimer);
      const gone = await this.probe(office, options.ticket);
      if (stopped) return;
      if (gone) {
        connected = false;
        report(gone);
        return;
      }
      const delay = Math.min(30_000, (this.options.retryMs ?? 1_000) * 2 ** failures) * (0.75 + Math.random() * 0.5);
      failures += 1;
      retryTimer = setTimeout(() => !stopped && connect(), delay);
    };

    // A silent connection (a proxy holding a dead socket) is noticed by the missing heartbeats.
    const watchdog = setInterval(() => {
      const quiet = Date.now() - (lastEventAt ?? 0) > staleAfter;
      if (quiet && source && !stale) {
        stale = true;
        connected = false;
        report();
        void renew();
      }
    }, Math.min(5_000, staleAfter / 2));

    lastEventAt = undefined;
    report();
    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(watchdog);
      source?.close();
    };
  }

  /** 404 on the state or the ticket means stop; anything else (offline, 5xx) means try again. */
  private async probe(office: string, ticketRef?: TicketRef): Promise<ConnectionStatus['error'] | undefined> {
    const get = this.options.fetch ?? fetch.bind(globalThis);
    try {
      if ((await get(this.url(`v1/queue/${office}`))).status === 404) return 'office_not_found';
      if (ticketRef) {
        const path = `v1/queue/${office}/tickets/${encodeURIComponent(ticketRef.number)}`;
        if ([400, 404].includes((await get(this.url(path, { code: ticketRef.code }))).status)) return 'ticket_not_found';
      }
    } catch {
      // offline: retry later
    }
    return undefined;
  }
}
