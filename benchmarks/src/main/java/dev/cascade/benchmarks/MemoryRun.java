package dev.cascade.benchmarks;

import static dev.cascade.annotations.DeleteStrategy.PERMANENT;
import static dev.cascade.annotations.DeleteStrategy.SOFT;
import static dev.cascade.annotations.DeleteStrategy.TRASH;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.testing.DatabaseKind;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Deletes (and restores) trees of a million rows on PostgreSQL in a small heap: run it with
 * {@code -Xmx64m}, as BENCHMARKS.md does, to show that Cascade holds no rows in memory. User 1 is
 * deleted {@code PERMANENT}, user 2 {@code SOFT} then restored, user 3 {@code TRASH} then
 * restored. Prints each step's rows, time and the heap's peak use during it.
 */
public final class MemoryRun {
  /** Three users, each with a tree of 1,010,001 rows. */
  static final Shape MILLION_ROW_TREES = new Shape(3, 10_000, 10, 9);

  private MemoryRun() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    out.printf("max heap: %d MiB (JVM arguments %s)%n",
        Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
    out.printf("data: %s%n", MILLION_ROW_TREES);
    for (Step step : run(MILLION_ROW_TREES, out)) {
      out.println(step);
    }
  }

  /** One delete or restore: the rows it changed, how long it took, the heap's peak during it. */
  record Step(String what, long rows, double millis, long peakHeapMiB) {
    @Override
    public String toString() {
      return String.format("%-22s %,10d rows %10.1f ms   peak heap %3d MiB", what, rows, millis, peakHeapMiB);
    }
  }

  static List<Step> run(Shape shape, PrintStream log) {
    List<Step> steps = new ArrayList<>();
    try (Database database = Database.create(DatabaseKind.POSTGRESQL);
        Handle handle = database.jdbi().open()) {
      ForumData data = new ForumData(handle, DatabaseKind.POSTGRESQL);
      log.println("loading...");
      data.create(shape, ForeignKeys.NO_ACTION);
      steps.add(step("delete PERMANENT", data, deleter(PERMANENT, database), 1));
      steps.add(step("delete SOFT", data, deleter(SOFT, database), 2));
      steps.add(step("restore after SOFT", data, restorer(SOFT, database), 2));
      steps.add(step("delete TRASH", data, deleter(TRASH, database), 3));
      steps.add(step("restore from TRASH", data, restorer(TRASH, database), 3));
    }
    return steps;
  }

  private static Operation deleter(DeleteStrategy strategy, Database database) {
    return new CascadeDelete(strategy, ForeignKeys.NO_ACTION).open(database);
  }

  private static Operation restorer(DeleteStrategy strategy, Database database) {
    return new CascadeRestore(strategy, ForeignKeys.NO_ACTION).open(database);
  }

  private static Step step(String what, ForumData data, Operation operation, long userId) {
    long before = data.liveRows();
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    operation.run(userId);
    double millis = (System.nanoTime() - start) / 1e6;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long changed = Math.abs(data.liveRows() - before);
    return new Step(what, changed, millis, peak >> 20);
  }
}
