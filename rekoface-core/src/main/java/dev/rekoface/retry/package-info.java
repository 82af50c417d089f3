/**
 * rekoface's resilience policies: retries with jittered backoff ({@link dev.rekoface.retry.RetryPolicy},
 * {@link dev.rekoface.retry.Backoff}), a request rate per operation ({@link dev.rekoface.retry.RateLimit}), a circuit
 * breaker ({@link dev.rekoface.retry.CircuitBreakerPolicy}), and a metrics hook
 * ({@link dev.rekoface.retry.MetricsListener}, {@link dev.rekoface.retry.OperationMetrics}).
 *
 * <p>Exactly one layer owns retries: when rekoface builds the SDK client, the SDK's own retries are turned off and
 * rekoface's {@code RetryPolicy} applies. Values are checked when set: a bad one throws
 * {@link dev.rekoface.InvalidArgumentException} naming it.
 */
package dev.rekoface.retry;
