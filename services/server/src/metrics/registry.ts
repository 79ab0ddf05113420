import type { AnsweredRequest } from '@integrity-desk/http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What an operator sees on the private metrics port (Prometheus text format). Every label is
 * from a small fixed set: service, method, route TEMPLATE, status, queue name. None names a
 * report, a channel, a person, a receipt or an address, and durations exist only as histogram
 * buckets (no exact time of any request is kept or exposed).
 */
export interface Metrics {
  readonly registry: Registry;
  answered(service: 'intake' | 'desk'): (answered: AnsweredRequest) => void;
  appended(seconds: number): void;
  appendStarted(): () => void;
  batch(appends: number): void;
  evidenceBytes(bytes: number): void;
  /** For the notifier to come: nothing calls it yet, the series is there (at 0) for alerts. */
  notificationFailed(): void;
}

/** Polled at scrape time: how far the read models trail the log, how full each queue is. */
export interface MetricsSources {
  projectionLag(): Promise<number>;
  queueSizes(): Record<string, number>;
}

const PREFIX = 'integrity_desk_';

export function createMetrics(): Metrics {
  const registry = new Registry();
  // The process's own: resident memory, heap, event-loop delay, open file descriptors.
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'Answered requests by service, method, route template and status',
    labelNames: ['service', 'method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time to answer a request, by service and route template',
    labelNames: ['service', 'route'] as const,
    buckets: [0.005, 0.025, 0.1, 0.5, 2.5, 10, 60],
    registers: [registry],
  });
  const histogram = (name: string, help: string, buckets: number[]) =>
    new Histogram({ name: PREFIX + name, help, buckets, registers: [registry] });
  const counter = (name: string, help: string) =>
    new Counter({ name: PREFIX + name, help, registers: [registry] });
  const appends = histogram(
    'event_append_duration_seconds',
    'Time from an append to its durable acknowledgement',
    [0.001, 0.005, 0.025, 0.1, 0.5, 2.5],
  );
  const waiting = new Gauge({
    name: `${PREFIX}event_appends_waiting`,
    help: 'Appends waiting for their commit and its fsync',
    registers: [registry],
  });
  const batches = histogram(
    'event_append_batch_size',
    'Appends carried by one group-committed transaction (embedded store)',
    [1, 2, 4, 8, 16, 64, 256, 1024],
  );
  const evidence = counter(
    'evidence_bytes_total',
    'Evidence ciphertext bytes stored by this process',
  );
  const notifications = counter(
    'notification_failures_total',
    'Notifications that could not be sent',
  );
  return {
    registry,
    answered: (service) => (a) => {
      requests.inc({ service, method: a.method, route: a.route, status: String(a.status) });
      durations.observe({ service, route: a.route }, a.ms / 1000);
    },
    appended: (seconds) => appends.observe(seconds),
    appendStarted: () => {
      waiting.inc();
      return () => waiting.dec();
    },
    batch: (n) => batches.observe(n),
    evidenceBytes: (n) => evidence.inc(n),
    notificationFailed: () => notifications.inc(),
  };
}

/** The figures read when Prometheus scrapes, not kept up to date in between. */
export function pollSources(metrics: Metrics, sources: MetricsSources): void {
  new Gauge({
    name: `${PREFIX}projection_lag_events`,
    help: 'Events of the log the read models have not applied yet (counted up to 10,000)',
    registers: [metrics.registry],
    async collect() {
      this.set(await sources.projectionLag());
    },
  });
  new Gauge({
    name: `${PREFIX}queue_reports`,
    help: 'Reports in each triage queue, all channels together',
    labelNames: ['queue'] as const,
    registers: [metrics.registry],
    collect() {
      for (const [queue, n] of Object.entries(sources.queueSizes())) this.set({ queue }, n);
    },
  });
}
