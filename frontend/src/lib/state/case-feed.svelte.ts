// The desk's one live feed (services/desk GET /api/cases/events): a case of the investigator's
// channels changed, read again. One EventSource per tab, opened by the desk layout once signed
// in and closed on sign-out; the header's work indicator and the case list both listen to it,
// so a page never opens a second stream (the desk allows a few per account).

import { caseEventsUrl } from '$lib/api/desk';

type Listener = () => void;

class CaseFeed {
  /** Whether the stream is open (the case list says "live" or not). */
  live = $state(false);
  private source: EventSource | undefined;
  private readonly listeners = new Set<Listener>();

  start(): void {
    if (this.source) return;
    const source = new EventSource(caseEventsUrl);
    source.addEventListener('open', () => (this.live = true));
    source.addEventListener('error', () => (this.live = false));
    source.addEventListener('counts', () => {
      for (const listener of this.listeners) listener();
    });
    this.source = source;
  }

  stop(): void {
    this.source?.close();
    this.source = undefined;
    this.live = false;
  }

  /** Called at each change of the investigator's cases; returns the way to stop listening. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const caseFeed = new CaseFeed();
