package dev.cascade.benchmarks;

import dev.cascade.testing.DatabaseKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a benchmark run is set up, from {@code --name=value} arguments:
 *
 * <ul>
 *   <li>{@code --data=full|tenth|tiny}: the forum's {@link Shape} and the tracker's {@link
 *       TrackerShape};
 *   <li>{@code --scenarios=forum,network,tree,batches}: which parts run (all by default), so that a
 *       full run can be split; the network's comparison comes right after the forum's permanent
 *       delete; the batches run on PostgreSQL only;
 *   <li>{@code --analyze=both|before-each|never}: whether statistics are brought up to date before
 *       each run ({@code before-each}, as the first tables did), never after the load ({@code
 *       never}, as applications run), or both, as twin rows of every Cascade contender ({@code
 *       both}, the default);
 *   <li>{@code --network-delay=0.25ms}: the delay each way of the network scenario ({@code us} and
 *       {@code ms} units);
 *   <li>{@code --run-limit=120s}: a contender whose run takes longer runs no more (its median is
 *       of the runs it finished; a warm-up over the limit counts as its one run), so that a run on
 *       data where Cascade is quadratic still ends;
 *   <li>{@code --statement-timeout=600s}: the database cancels a statement that runs longer (its
 *       transaction rolls back, the contender stops and its row says so), so that a full run ends
 *       even where one call would take hours;
 *   <li>{@code --only=TEXT}: runs only the comparisons whose operation contains {@code TEXT}
 *       (with {@code --slowest-statements}, to look into one row);
 *   <li>{@code --slowest-statements=N}: after each run, print its {@code N} slowest statements
 *       (those run through JDBI) with their time, to stderr;
 *   <li>{@code --explain=50ms}: on PostgreSQL, with {@code --slowest-statements}, each of those
 *       statements slower than this comes with its measured plan ({@code auto_explain});
 *   <li>{@code --databases=postgresql,h2}, {@code --warmups=2}, {@code --repetitions=7}, {@code
 *       --slow-repetitions=3} (row-by-row and Hibernate, after one warm-up), {@code --out=FILE}.
 * </ul>
 *
 * <p>Each run, warm-up or not, deletes a different user (or project), so warm-ups plus repetitions
 * must not exceed the number of users (or projects).
 */
record Options(
    Shape shape,
    TrackerShape tracker,
    List<DatabaseKind> databases,
    int warmups,
    int repetitions,
    int slowRepetitions,
    Optional<Path> out,
    List<Scenario> scenarios,
    Analysis analysis,
    Duration networkDelay,
    int slowestStatements,
    Duration runLimit,
    Duration statementTimeout,
    Duration explainSlowerThan,
    Optional<String> only) {
  Options {
    databases = List.copyOf(databases);
    scenarios = List.copyOf(scenarios);
    int roots = scenarios.contains(Scenario.TREE) ? Math.min(shape.users(), tracker.projects()) : shape.users();
    if (warmups + repetitions > roots) {
      throw new IllegalArgumentException(
          warmups + " warm-ups and " + repetitions + " repetitions need as many users and projects, but the data has "
              + roots);
    }
  }

  /** The parts of a full run, in the order they run. */
  enum Scenario {
    /** The forum's comparisons on loopback: the first tables, with their no-ANALYZE twins. */
    FORUM,
    /** The permanent delete of the forum through a network of {@code --network-delay} (PostgreSQL). */
    NETWORK,
    /** The project tracker: trees of tasks against the same tasks without the self relation. */
    TREE,
    /**
     * Issue 14 on PostgreSQL: {@code destroy} against {@code destroyInBatches} with a concurrent
     * writer, and a purge of the trash ({@link BatchScenario}).
     */
    BATCHES
  }

  /** When statistics are brought up to date. */
  enum Analysis {
    /** Before each run, and between a restore's delete and the restore: every row as analyzed. */
    BEFORE_EACH,
    /** Only at the load: every row as an application runs. */
    NEVER,
    /** Every row analyzed, plus a never-analyzed twin of each Cascade row. */
    BOTH
  }

  /** Warm-ups of the slow contenders: at most one, since one run takes seconds. */
  int slowWarmups() {
    return Math.min(warmups, 1);
  }

  static Options parse(String... args) {
    Shape shape = Shape.FULL;
    TrackerShape tracker = TrackerShape.FULL;
    List<DatabaseKind> databases = List.of(DatabaseKind.POSTGRESQL, DatabaseKind.H2);
    int warmups = 2;
    int repetitions = 7;
    int slowRepetitions = 3;
    Optional<Path> out = Optional.empty();
    List<Scenario> scenarios = List.of(Scenario.values());
    Analysis analysis = Analysis.BOTH;
    Duration networkDelay = Duration.ofNanos(250_000);
    int slowestStatements = 0;
    Duration runLimit = Duration.ofSeconds(120);
    Duration statementTimeout = Duration.ofMinutes(10);
    Optional<String> only = Optional.empty();
    Duration explainSlowerThan = Duration.ZERO;
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      String value = pair[1];
      switch (pair[0]) {
        case "data" -> {
          switch (value) {
            case "full" -> {
              shape = Shape.FULL;
              tracker = TrackerShape.FULL;
            }
            case "tenth" -> {
              shape = Shape.TENTH;
              tracker = TrackerShape.TENTH;
            }
            case "tiny" -> {
              shape = Shape.TINY;
              tracker = TrackerShape.TINY;
            }
            default -> throw new IllegalArgumentException("--data is full, tenth or tiny, not " + value);
          }
        }
        case "databases" ->
            databases =
                Arrays.stream(value.split(","))
                    .map(name -> DatabaseKind.valueOf(name.trim().toUpperCase(Locale.ROOT)))
                    .toList();
        case "scenarios" ->
            scenarios =
                Arrays.stream(value.split(","))
                    .map(name -> Scenario.valueOf(name.trim().toUpperCase(Locale.ROOT)))
                    .sorted()
                    .distinct()
                    .toList();
        case "analyze" ->
            analysis =
                switch (value) {
                  case "both" -> Analysis.BOTH;
                  case "before-each" -> Analysis.BEFORE_EACH;
                  case "never" -> Analysis.NEVER;
                  default -> throw new IllegalArgumentException("--analyze is both, before-each or never, not " + value);
                };
        case "network-delay" -> networkDelay = duration(value);
        case "run-limit" -> runLimit = seconds(value);
        case "statement-timeout" -> statementTimeout = seconds(value);
        case "only" -> only = Optional.of(value);
        case "explain" -> explainSlowerThan = duration(value);
        case "slowest-statements" -> slowestStatements = Integer.parseInt(value);
        case "warmups" -> warmups = Integer.parseInt(value);
        case "repetitions" -> repetitions = Integer.parseInt(value);
        case "slow-repetitions" -> slowRepetitions = Integer.parseInt(value);
        case "out" -> out = Optional.of(Path.of(value));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new Options(
        shape, tracker, databases, warmups, repetitions, slowRepetitions, out, scenarios, analysis, networkDelay,
        slowestStatements, runLimit, statementTimeout, explainSlowerThan, only);
  }

  /** {@code 120s} or {@code 120}. */
  private static Duration seconds(String text) {
    return Duration.ofSeconds(Long.parseLong(text.trim().replaceFirst("s$", "")));
  }

  /** {@code 0.25ms}, {@code 250us}, {@code 1 ms}. */
  static Duration duration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    BigDecimal nanosPerUnit;
    if (value.endsWith("ms")) {
      nanosPerUnit = BigDecimal.valueOf(1_000_000);
    } else if (value.endsWith("us")) {
      nanosPerUnit = BigDecimal.valueOf(1_000);
    } else {
      throw new IllegalArgumentException("a duration takes a unit, ms or us, as in 0.25ms; not " + text);
    }
    BigDecimal amount = new BigDecimal(value.substring(0, value.length() - 2).trim());
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("a duration cannot be negative: " + text);
    }
    return Duration.ofNanos(amount.multiply(nanosPerUnit).longValueExact());
  }
}
