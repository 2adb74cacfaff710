package dev.cascade.benchmarks;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A contender whose connections to PostgreSQL go through a {@link DelayingProxy} that delays each
 * direction by {@code delay}: its row is named {@code ... (0.25 ms network)}. Loading and counting
 * rows stay on loopback; only the contender's own work crosses the network.
 */
record OverNetwork(Contender contender, Duration delay) implements Variant {
  @Override
  public String name() {
    return contender.name() + " (" + label(delay) + " network)";
  }

  /** {@code 0.25 ms}. */
  static String label(Duration delay) {
    return BigDecimal.valueOf(delay.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
  }

  @Override
  public Operation open(Database database) {
    DelayingProxy proxy = database.proxy(delay);
    Operation operation;
    try {
      operation = contender.open(database.through(proxy));
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
    return new Operation() {
      @Override
      public void prepare(long key) {
        operation.prepare(key);
      }

      @Override
      public void run(long key) {
        operation.run(key);
      }

      @Override
      public void close() {
        try (proxy;
            operation) {
          // Closed in reverse order, each even if the other fails.
        }
      }
    };
  }
}
