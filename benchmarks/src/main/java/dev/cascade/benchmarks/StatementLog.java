package dev.cascade.benchmarks;

import java.io.PrintStream;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * With {@code --slowest-statements=N}: records the statements a contender runs through JDBI, and
 * prints the {@code N} slowest of each timed run with their SQL, to find the statement behind a
 * slow row. With {@code --explain=50ms} on PostgreSQL, each statement slower than that comes with
 * the plan it ran with, measured ({@code auto_explain} with {@code log_analyze}). Row-by-row JDBC
 * and Hibernate do not go through JDBI.
 */
final class StatementLog implements SqlLogger {
  private final List<Timed> statements = new ArrayList<>();

  /** A statement, its time, and its plan when PostgreSQL's {@code auto_explain} sent one. */
  record Timed(double millis, String sql, String plan) {}

  @Override
  public void logAfterExecution(StatementContext context) {
    statements.add(
        new Timed(context.getElapsedTime(ChronoUnit.MICROS) / 1000.0, shorten(context.getRenderedSql()), plan(context)));
  }

  @Override
  public void logException(StatementContext context, SQLException ex) {
    statements.add(new Timed(context.getElapsedTime(ChronoUnit.MICROS) / 1000.0,
        "(failed: " + ex.getClass().getSimpleName() + ") " + shorten(context.getRenderedSql()), plan(context)));
  }

  /**
   * The plans {@code auto_explain} sent as notices (see {@link Database#create}), without their
   * query text, which is the statement already shown; empty when there are none.
   */
  private static String plan(StatementContext context) {
    StringBuilder plan = new StringBuilder();
    try {
      if (context.getStatement() == null) {
        return "";
      }
      for (SQLWarning w = context.getStatement().getWarnings(); w != null; w = w.getNextWarning()) {
        String message = String.valueOf(w.getMessage());
        if (message.startsWith("duration:")) {
          message.lines()
              .filter(line -> !line.startsWith("Query Text:"))
              .forEach(line -> plan.append("                   ").append(line).append('\n'));
        }
      }
    } catch (SQLException e) {
      return "";
    }
    return plan.toString();
  }

  /** The SQL with runs of bound ids ({@code :ids0, :ids1, ...}) cut to their first. */
  static String shorten(String sql) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int length = sql.length();
    while (i < length) {
      int colon = sql.indexOf(':', i);
      if (colon < 0) {
        out.append(sql, i, length);
        break;
      }
      int nameEnd = colon + 1;
      while (nameEnd < length && (Character.isLetter(sql.charAt(nameEnd)) || sql.charAt(nameEnd) == '_')) {
        nameEnd++;
      }
      int digitsEnd = digits(sql, nameEnd);
      if (nameEnd == colon + 1 || digitsEnd == nameEnd) {
        out.append(sql, i, colon + 1);
        i = colon + 1;
        continue;
      }
      out.append(sql, i, digitsEnd);
      i = digitsEnd;
      String next = ", " + sql.substring(colon, nameEnd);
      boolean cut = false;
      while (sql.startsWith(next, i) && digits(sql, i + next.length()) > i + next.length()) {
        i = digits(sql, i + next.length());
        cut = true;
      }
      if (cut) {
        out.append(", ...");
      }
    }
    return out.toString();
  }

  private static int digits(String text, int from) {
    int end = from;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  void clear() {
    statements.clear();
  }

  /** Prints the {@code n} slowest statements since {@link #clear()}, and how many ran. */
  void printSlowest(int n, PrintStream log) {
    double total = statements.stream().mapToDouble(Timed::millis).sum();
    log.printf(Locale.ROOT, "      %d statements, %.1f ms in all; the slowest:%n", statements.size(), total);
    statements.stream()
        .sorted(Comparator.comparingDouble(Timed::millis).reversed())
        .limit(n)
        .forEach(s -> log.printf(Locale.ROOT, "      %10.1f ms  %s%n%s", s.millis(), s.sql(), s.plan()));
  }
}
