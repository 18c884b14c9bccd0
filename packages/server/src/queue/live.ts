/**
 * The SSE clients of one server instance, grouped by office. A change signal (queue/events.ts)
 * makes the office's channel read one snapshot and write it to every client: the state as one
 * pre-encoded chunk shared by all, a `call` event per new call, and for "my number" clients
 * their ticket when it changed. Signals that arrive while a snapshot is being read are folded
 * into one more read, so a burst of calls costs two queries per instance, not one per client.
 *
 * Every HEARTBEAT_MS each client gets a `heartbeat` event (an event, not a comment: scripts do
 * not see comments, and the widget needs it to tell a quiet queue from a dead connection), and
 * snapshots older than REFRESH_MS are read again, so "open" flips at opening time without a change.
 */
import type { Database } from '../db/database.js';
import { describeError, type Logger } from '../logger.js';
import type { Clock } from '../time.js';
import { ALL_OFFICES, type QueueEvents } from './events.js';
import { loadSnapshot, ticketView, type QueueSnapshot } from './state.js';

export const HEARTBEAT_MS = 15_000;
export const REFRESH_MS = 60_000;
/** Reconnect hint for EventSource, in ms. */
export const RETRY_MS = 3_000;
/** Calls missed while disconnected are replayed on reconnect (Last-Event-ID) if this recent. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

const encoder = new TextEncoder();

export interface LiveSink {
  /** Queues a chunk; false when the client is too far behind and has been closed (it reconnects and gets a fresh state). */
  write(chunk: Uint8Array): boolean;
  close(): void;
}

interface Client {
  sink: LiveSink;
  ticketId?: string;
  /** Last-Event-ID of a reconnecting client, until its first state. */
  resumeFrom?: number;
  initialized: boolean;
  /** The queue version of the last state sent. */
  version: number;
  lastState?: string;
  lastTicket?: string;
}

interface Channel {
  officeId: string;
  clients: Set<Client>;
  snapshot?: QueueSnapshot;
  stateJson?: string;
  stateChunk?: Uint8Array;
  loadedAt: number;
  refreshing: boolean;
  dirty: boolean;
}

export function sseChunk(event: string, data: string, id?: number): Uint8Array {
  return encoder.encode(`event: ${event}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${data}\n\n`);
}

export class QueueLive {
  private readonly channels = new Map<string, Channel>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  constructor(private readonly deps: { db: Database; events: QueueEvents; clock: Clock; logger: Logger; heartbeatMs?: number }) {}

  /** Clients connected to this instance, over all offices. */
  get clientCount(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.clients.size;
    return n;
  }

  /** The office's last snapshot on this instance, while clients keep it current; for cheap connects. */
  cached(officeId: string): QueueSnapshot | undefined {
    const channel = this.channels.get(officeId);
    return channel?.snapshot && this.deps.clock().getTime() - channel.loadedAt < REFRESH_MS ? channel.snapshot : undefined;
  }

  /**
   * Adds an SSE client. It first gets the retry hint, then (from the current or the next
   * snapshot) missed calls if it resumes, the state, and its ticket. Returns the disconnect.
   */
  connect(officeId: string, sink: LiveSink, options: { ticketId?: string; lastEventId?: number } = {}): () => void {
    if (this.closed) {
      sink.close();
      return () => undefined;
    }
    this.unsubscribe ??= this.deps.events.subscribe({
      changed: (changed) => {
        if (changed === ALL_OFFICES) for (const id of this.channels.keys()) void this.refresh(id);
        else if (this.channels.has(changed)) void this.refresh(changed);
      },
      closed: () => this.close(),
    });
    let channel = this.channels.get(officeId);
    if (!channel) {
      channel = { officeId, clients: new Set(), loadedAt: 0, refreshing: false, dirty: false };
      this.channels.set(officeId, channel);
    }
    const client: Client = {
      sink,
      initialized: false,
      version: 0,
      ...(options.ticketId ? { ticketId: options.ticketId } : {}),
      ...(options.lastEventId !== undefined ? { resumeFrom: options.lastEventId } : {}),
    };
    channel.clients.add(client);
    sink.write(encoder.encode(`retry: ${RETRY_MS}\n\n`));
    if (channel.snapshot && !channel.refreshing && this.deps.clock().getTime() - channel.loadedAt < REFRESH_MS) {
      this.deliver(channel, client);
    } else {
      void this.refresh(officeId);
    }
    this.startTimer();
    const ch = channel;
    return () => {
      ch.clients.delete(client);
      if (ch.clients.size === 0 && this.channels.get(officeId) === ch) this.channels.delete(officeId);
      if (this.channels.size === 0) this.stopTimer();
    };
  }

  /** Reads the office's snapshot again and sends what changed; coalesces overlapping calls. */
  async refresh(officeId: string): Promise<void> {
    const channel = this.channels.get(officeId);
    if (!channel) return;
    if (channel.refreshing) {
      channel.dirty = true;
      return;
    }
    channel.refreshing = true;
    try {
      do {
        channel.dirty = false;
        const snapshot = await loadSnapshot(this.deps.db, officeId, this.deps.clock());
        if (!snapshot) break;
        channel.snapshot = snapshot;
        channel.loadedAt = this.deps.clock().getTime();
        const json = JSON.stringify(snapshot.state);
        if (json !== channel.stateJson) {
          channel.stateJson = json;
          channel.stateChunk = sseChunk('state', json, snapshot.state.version);
        }
        for (const client of [...channel.clients]) this.deliver(channel, client);
      } while (channel.dirty && !this.closed);
    } catch (error) {
      // Tried again on the next change or heartbeat; clients keep the last state and see it age.
      channel.loadedAt = 0;
      if (!this.closed) this.deps.logger.error('queue snapshot failed', { officeId, ...describeError(error) });
    } finally {
      channel.refreshing = false;
    }
  }

  private deliver(channel: Channel, client: Client): void {
    const snapshot = channel.snapshot!;
    const { state } = snapshot;
    const chunks: Uint8Array[] = [];
    // Calls newer than what the client has seen, oldest first; on first contact only when it
    // resumes (Last-Event-ID) and only recent ones, so a display announces what it missed.
    const since = client.initialized ? client.version : client.resumeFrom;
    if (since !== undefined) {
      const horizon = this.deps.clock().getTime() - REPLAY_WINDOW_MS;
      for (const call of [...state.calls].reverse()) {
        if (call.version > since && (client.initialized || Date.parse(call.calledAt) >= horizon)) {
          chunks.push(sseChunk('call', JSON.stringify(call), call.version));
        }
      }
    }
    if (client.lastState !== channel.stateJson) {
      chunks.push(channel.stateChunk!);
      client.lastState = channel.stateJson!;
    }
    if (client.ticketId) {
      const ticket = snapshot.tickets.get(client.ticketId);
      const json = ticket ? JSON.stringify(ticketView(snapshot, ticket)) : JSON.stringify({ status: 'unknown' });
      if (json !== client.lastTicket) {
        chunks.push(sseChunk('ticket', json));
        client.lastTicket = json;
      }
    }
    client.initialized = true;
    delete client.resumeFrom;
    client.version = state.version;
    for (const chunk of chunks) if (!client.sink.write(chunk)) return this.drop(channel, client);
  }

  private drop(channel: Channel, client: Client): void {
    channel.clients.delete(client);
    client.sink.close();
  }

  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.deps.heartbeatMs ?? HEARTBEAT_MS);
    this.timer.unref();
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = this.deps.clock().getTime();
    for (const channel of this.channels.values()) {
      const beat = sseChunk('heartbeat', JSON.stringify({ version: channel.snapshot?.state.version ?? 0, at: new Date(now).toISOString() }));
      for (const client of [...channel.clients]) if (client.initialized && !client.sink.write(beat)) this.drop(channel, client);
      if (now - channel.loadedAt >= REFRESH_MS) void this.refresh(channel.officeId);
    }
  }

  /** Ends every stream (shutdown); new connections are refused. */
  close(): void {
    this.closed = true;
    this.stopTimer();
    this.unsubscribe?.();
    for (const channel of this.channels.values()) for (const client of channel.clients) client.sink.close();
    this.channels.clear();
  }
}
