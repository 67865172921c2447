/**
 * OpenTelemetry tracing, off unless configured with the standard variables:
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), or
 * `OTEL_TRACES_EXPORTER` (`otlp`, `console`). Import this module first in a service's entry
 * point: the SDK must be running before `http` and `fetch` are used, so that incoming requests
 * continue the caller's trace (W3C traceparent) and outgoing subgraph fetches carry it on.
 * @apollo/gateway and Apollo Server add their own spans through the same API.
 */
const env = process.env;
const configured =
  Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ||
  (env.OTEL_TRACES_EXPORTER !== undefined && env.OTEL_TRACES_EXPORTER !== 'none');

if (configured && env.OTEL_SDK_DISABLED !== 'true') {
  // Traces only: metrics are Prometheus' at /metrics, logs are pino's.
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  // Local detectors only: cloud ones probe metadata servers over the network.
  env.OTEL_NODE_RESOURCE_DETECTORS ??= 'env,host,os,process,serviceinstance';
  const [{ NodeSDK }, { HttpInstrumentation }, { UndiciInstrumentation }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-undici'),
  ]);
  const sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would drown the traces that matter.
        ignoreIncomingRequestHook: (request) =>
          ['/health', '/ready', '/metrics'].includes(request.url ?? ''),
      }),
      new UndiciInstrumentation(),
    ],
  });
  sdk.start();
  const flush = () => void sdk.shutdown().catch(() => undefined);
  process.once('beforeExit', flush);
  process.once('SIGTERM', flush);
}

export {};
