/**
 * Prometheus metrics at /metrics: process defaults plus request counts and durations by
 * route pattern (never by raw URL, which would explode the label set).
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import { Unauthenticated } from './errors.js';

export function installMetrics(app: FastifyInstance, token: string | undefined): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gongzhi_' });
  const requests = new Counter({ name: 'gongzhi_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'gongzhi_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: async (request, reply) => {
      // With GONGZHI_METRICS_TOKEN set, scrapers must present it as a bearer token.
      if (token && request.headers.authorization !== `Bearer ${token}`) throw new Unauthenticated();
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  });
}
