/** Reads a text/event-stream response event by event, as EventSource would parse it. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

export interface SseReader {
  /** The next event (comments and bare `retry:` blocks included as event "" with `retry`). */
  next(timeoutMs?: number): Promise<SseEvent>;
  /** Skips events until one named `name`. */
  until(name: string, timeoutMs?: number): Promise<SseEvent>;
  close(): Promise<void>;
}

export function sseReader(response: Response): SseReader {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let pending: ReturnType<typeof reader.read> | undefined;
  const parse = (block: string): SseEvent => {
    const event: SseEvent = { event: '', data: '' };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event.event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') event.id = value;
      else if (field === 'retry') event.retry = Number(value);
    }
    event.data = data.join('\n');
    return event;
  };
  const next = async (timeoutMs = 2_000): Promise<SseEvent> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parse(block);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      // A read that lost the race is kept for the next call; its data must not be dropped.
      pending ??= reader.read();
      const result = await Promise.race([
        pending,
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), remaining))),
      ]);
      clearTimeout(timer);
      if (result === 'timeout') throw new Error(`no event within ${timeoutMs} ms`);
      pending = undefined;
      if (result.done) throw new Error('stream ended');
      buffer += result.value;
    }
  };
  return {
    next,
    async until(name, timeoutMs = 2_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = await next(Math.max(1, deadline - Date.now()));
        if (event.event === name) return event;
      }
    },
    close: () => reader.cancel().catch(() => undefined),
  };
}
