package dev.cascade.benchmarks;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.benchmarks.ConcurrentWriter.Latencies;
import dev.cascade.benchmarks.model.UserDeleter;
import dev.cascade.runtime.BatchOptions;
import dev.cascade.runtime.CascadeConfig;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.PurgeOptions;
import dev.cascade.runtime.PurgeResult;
import dev.cascade.testing.DatabaseKind;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Issue 14's batches, on PostgreSQL with plain foreign keys ({@code --scenarios=batches}):
 *
 * <ul>
 *   <li>one user's tree deleted with {@code destroy} and with {@code destroyInBatches} (10,000 and
 *       1,000 rows a batch), {@code PERMANENT} and {@code TRASH}: the call's time, its longest
 *       transaction as PostgreSQL saw it ({@link TransactionWatch}), and the latency of another
 *       application's writes to other users' rows meanwhile ({@link ConcurrentWriter}), against
 *       the same writes with no delete running (for a second before each run);
 *   <li>a purge of every user's trashed tree but the last (1.1M rows on the full data), deleted 31
 *       days before: rows a second and the longest transaction, and the time of its dry run.
 * </ul>
 *
 * Every run deletes another user, after a {@code VACUUM ANALYZE}; {@code --repetitions} runs of
 * each variant take turns, on as many freshly loaded databases as their users need, each after
 * {@code --warmups} (at most one) warm-up. The writer writes the posts of the last user, whom no
 * run deletes.
 */
final class BatchScenario {
  private static final double WRITE_EVERY_MILLIS = 5;
  private static final double WATCH_EVERY_MILLIS = 5;
  /** How long the writer writes alone before each run, for its latency with no delete running. */
  private static final Duration ALONE = Duration.ofSeconds(1);
  private static final List<Integer> PURGE_BATCHES = List.of(10_000, 1_000);

  /** Issue 14's targets, for the batches of 10,000 rows. */
  static final double LONGEST_TRANSACTION_MILLIS = 250;

  static final double TOTAL_OVER_DESTROY = 1.5;
  static final double WRITER_P99_OVER_ALONE = 2;

  private final Options options;
  private final PrintStream log;

  private BatchScenario(Options options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  /** One way to delete a user's tree. */
  record Variant(DeleteStrategy strategy, int batchSize) {
    static Variant destroy(DeleteStrategy strategy) {
      return new Variant(strategy, 0);
    }

    String name() {
      return batchSize == 0
          ? "destroy, " + strategy
          : String.format(Locale.ROOT, "destroyInBatches %,d, %s", batchSize, strategy);
    }

    void run(Handle handle, long user) {
      if (batchSize == 0) {
        UserDeleter.destroy(handle, user, DeleteOptions.defaults().withStrategy(strategy));
      } else {
        UserDeleter.destroyInBatches(handle, user, BatchOptions.defaults().withStrategy(strategy).withBatchSize(batchSize));
      }
    }
  }

  /** The runs of one variant: each one's time, its longest transaction, the writes meanwhile. */
  record Runs(List<Double> totalMillis, List<Double> longestMillis, List<Latencies> writes) {
    Runs() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    double total() {
      return median(totalMillis);
    }

    /** The median of the runs' longest transactions, as every other target reads a median. */
    double longest() {
      return median(longestMillis);
    }

    double longestOfAll() {
      return longestMillis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    Latencies writers() {
      return Latencies.of(writes);
    }
  }

  /** The variants, in the order their runs take turns. */
  static final List<Variant> VARIANTS =
      List.of(
          Variant.destroy(DeleteStrategy.PERMANENT),
          new Variant(DeleteStrategy.PERMANENT, 10_000),
          new Variant(DeleteStrategy.PERMANENT, 1_000),
          Variant.destroy(DeleteStrategy.TRASH),
          new Variant(DeleteStrategy.TRASH, 10_000));

  /**
   * The timed runs, {@code repetitions} of each variant taking turns, cut into the databases they
   * need: each database's users but the last (whom the writer writes), less its warm-ups.
   */
  static List<List<Variant>> schedule(int repetitions, int runsPerDatabase) {
    List<Variant> all = new ArrayList<>();
    for (int i = 0; i < repetitions; i++) {
      all.addAll(VARIANTS);
    }
    List<List<Variant>> databases = new ArrayList<>();
    for (int i = 0; i < all.size(); i += runsPerDatabase) {
      databases.add(all.subList(i, Math.min(all.size(), i + runsPerDatabase)));
    }
    return databases;
  }

  /** Runs the scenario on PostgreSQL; the report's section. */
  static String run(Options options, PrintStream log) {
    return new BatchScenario(options, log).run();
  }

  private String run() {
    Shape shape = options.shape();
    StringBuilder report = new StringBuilder();
    report.append("Batches (PostgreSQL, plain FKs; forum ").append(shape).append("; a write every ")
        .append(format(WRITE_EVERY_MILLIS)).append(" ms to another user's posts; transactions watched every ")
        .append(format(WATCH_EVERY_MILLIS)).append(" ms):\n\n");
    report.append(deletes(shape));
    report.append('\n').append(purges(shape));
    return report.toString();
  }

  private String deletes(Shape shape) {
    Map<Variant, Runs> runs = new LinkedHashMap<>();
    VARIANTS.forEach(variant -> runs.put(variant, new Runs()));
    List<Latencies> quiet = new ArrayList<>();
    int warmups = Math.min(options.warmups(), 1);
    int spare = shape.users() - 1 - warmups;
    if (spare < 1) {
      throw new IllegalArgumentException("the batches need a user to write to and one to delete: the data has " + shape.users());
    }
    for (List<Variant> scheduled : schedule(options.repetitions(), spare)) {
      try (Database database = Database.create(DatabaseKind.POSTGRESQL, options.statementTimeout(), Duration.ZERO);
          Handle handle = database.jdbi().open()) {
        log.printf("batches: loading PostgreSQL%n");
        ForumData data = new ForumData(handle, DatabaseKind.POSTGRESQL);
        data.create(shape, ForeignKeys.NO_ACTION);
        long lastUser = shape.users();
        try (ConcurrentWriter writer =
                new ConcurrentWriter(database.jdbi(), (lastUser - 1) * shape.postsPerUser() + 1, shape.postsPerUser(),
                    WRITE_EVERY_MILLIS);
            TransactionWatch watch = new TransactionWatch(database.jdbi(), WATCH_EVERY_MILLIS)) {
          List<Variant> order = new ArrayList<>();
          for (int i = 0; i < warmups; i++) {
            order.add(new Variant(DeleteStrategy.PERMANENT, 10_000));
          }
          order.addAll(scheduled);
          long user = 0;
          for (Variant variant : order) {
            user++;
            boolean warm = user <= warmups;
            data.analyze();
            long before = data.liveRows();
            writer.start();
            sleep(ALONE);
            Latencies alone = writer.stop();
            try (Handle deleting = database.jdbi().open()) {
              watch.start(TransactionWatch.pid(deleting));
              writer.start();
              long start = System.nanoTime();
              variant.run(deleting, user);
              double total = (System.nanoTime() - start) / 1e6;
              Latencies writes = writer.stop();
              double longest = watch.stop();
              long deleted = before - data.liveRows();
              log.printf(Locale.ROOT, "  %-36s user %2d: %9.1f ms, longest transaction %8.1f ms, writes %s (alone %s), %d rows%s%s%n",
                  variant.name(), user, total, longest, writes.describe(), alone.describe(), deleted,
                  deleted == shape.treeSize() ? "" : " (expected " + shape.treeSize() + ")", warm ? " (warm-up)" : "");
              if (deleted != shape.treeSize()) {
                throw new IllegalStateException(variant.name() + " deleted " + deleted + " rows, not " + shape.treeSize());
              }
              if (!warm) {
                quiet.add(alone);
                Runs of = runs.get(variant);
                of.totalMillis().add(total);
                of.longestMillis().add(longest);
                of.writes().add(writes);
              }
            }
          }
        }
      }
    }
    return deletesTable(runs, Latencies.of(quiet));
  }

  private String deletesTable(Map<Variant, Runs> runs, Latencies alone) {
    StringBuilder table = new StringBuilder();
    table.append("| Delete of one user's tree | Runs | Total (median) | Longest transaction (median / max of runs) |"
        + " Writer p50 / p99 | Targets (batches of 10,000) |\n");
    table.append("|---|---|---|---|---|---|\n");
    table.append(String.format(Locale.ROOT, "| no delete running | | | | %.2f / %.2f ms | |%n",
        alone.percentile(50), alone.percentile(99)));
    for (Map.Entry<Variant, Runs> entry : runs.entrySet()) {
      Variant variant = entry.getKey();
      Runs of = entry.getValue();
      Latencies writes = of.writers();
      table.append(String.format(Locale.ROOT, "| %s | %d | %.0f ms | %.0f / %.0f ms | %.2f / %.2f ms | %s |%n",
          variant.name(), of.totalMillis().size(), of.total(), of.longest(), of.longestOfAll(), writes.percentile(50),
          writes.percentile(99), targets(variant, of, runs.get(Variant.destroy(variant.strategy())), alone)));
    }
    return table.toString();
  }

  /** Issue 14's three targets, on the batches of 10,000 rows. */
  private static String targets(Variant variant, Runs of, Runs destroy, Latencies alone) {
    if (variant.batchSize() != 10_000) {
      return "";
    }
    List<String> verdicts = new ArrayList<>();
    double longest = of.longest();
    verdicts.add(String.format(Locale.ROOT, "longest (median) <= %.0f ms: %s", LONGEST_TRANSACTION_MILLIS,
        verdict(longest <= LONGEST_TRANSACTION_MILLIS, "%.0f ms", longest)));
    if (destroy != null) {
      double ratio = of.total() / destroy.total();
      verdicts.add(String.format(Locale.ROOT, "total <= %sx destroy: %s", format(TOTAL_OVER_DESTROY),
          verdict(ratio <= TOTAL_OVER_DESTROY, "%.2fx", ratio)));
    }
    double p99 = of.writers().percentile(99) / alone.percentile(99);
    verdicts.add(String.format(Locale.ROOT, "writer p99 <= %sx alone: %s", format(WRITER_P99_OVER_ALONE),
        verdict(p99 <= WRITER_P99_OVER_ALONE, "%.2fx", p99)));
    return String.join("; ", verdicts);
  }

  private String purges(Shape shape) {
    StringBuilder table = new StringBuilder(
        "| Purge of the trash | Operations | Rows | Batch | Total | Rows a second | Longest transaction | Dry run |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    for (int batch : PURGE_BATCHES) {
      table.append(purge(shape, batch));
    }
    return table.toString();
  }

  /** Trashes every user's tree but the last, 31 days ago, then purges them in batches of {@code batch}; a row. */
  private String purge(Shape shape, int batch) {
    try (Database database = Database.create(DatabaseKind.POSTGRESQL, options.statementTimeout(), Duration.ZERO);
        Handle handle = database.jdbi().open();
        TransactionWatch watch = new TransactionWatch(database.jdbi(), WATCH_EVERY_MILLIS)) {
      log.printf("batches: loading PostgreSQL for a purge%n");
      ForumData data = new ForumData(handle, DatabaseKind.POSTGRESQL);
      data.create(shape, ForeignKeys.NO_ACTION);
      handle.getConfig(CascadeConfig.class).setClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-31)));
      int operations = shape.users() - 1;
      for (long user = 1; user <= operations; user++) {
        UserDeleter.destroy(handle, user, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
      }
      handle.getConfig(CascadeConfig.class).setClock(Clock.systemUTC());
      data.analyze();
      log.printf("  trashed %d users' trees (%,d rows), 31 days ago%n", operations, operations * shape.treeSize());

      PurgeOptions purge = PurgeOptions.olderThan(Duration.ofDays(30)).withBatchSize(batch);
      long start = System.nanoTime();
      PurgeResult counted = UserDeleter.purge(handle, purge.withDryRun(true));
      double dryRun = (System.nanoTime() - start) / 1e6;

      watch.start(TransactionWatch.pid(handle));
      start = System.nanoTime();
      PurgeResult purged = UserDeleter.purge(handle, purge);
      double total = (System.nanoTime() - start) / 1e6;
      double longest = watch.stop();
      long left = handle.select("SELECT (SELECT COUNT(*) FROM users_trash) + (SELECT COUNT(*) FROM posts_trash)"
          + " + (SELECT COUNT(*) FROM comments_trash) + (SELECT COUNT(*) FROM likes_trash)").mapTo(Long.class).one();
      log.printf(Locale.ROOT, "  purge, batches of %,d: %d operations, %,d rows in %.1f ms (%d batches), longest transaction"
              + " %.1f ms; dry run %.1f ms (%,d rows); %d rows left in the trash%n",
          batch, purged.operations(), purged.totalRows(), total, purged.batches(), longest, dryRun, counted.totalRows(), left);
      if (purged.totalRows() != operations * shape.treeSize() || left != 0 || counted.totalRows() != purged.totalRows()) {
        throw new IllegalStateException("the purge removed " + purged.totalRows() + " rows (its dry run counted "
            + counted.totalRows() + "), " + left + " are left; expected " + operations * shape.treeSize());
      }
      return String.format(Locale.ROOT, "| `UserDeleter.purge`, TRASH | %d | %,d | %,d | %.0f ms | %,.0f | %.0f ms | %.0f ms |%n",
          purged.operations(), purged.totalRows(), batch, total, purged.totalRows() / (total / 1000), longest, dryRun);
    }
  }

  private static String verdict(boolean met, String format, double value) {
    return (met ? "**yes**" : "**no**") + " (" + String.format(Locale.ROOT, format, value) + ")";
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String format(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
