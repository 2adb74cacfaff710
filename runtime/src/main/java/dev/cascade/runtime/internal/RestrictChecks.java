package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.DeleteRestrictedException;
import dev.cascade.runtime.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.function.Predicate;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Runs a delete strategy's {@code RESTRICT} checks, before anything changes, and says, once one
 * finds rows, which rows block and what to do about them: live rows to delete or move, soft-deleted
 * ones that block until their operation is purged, rows in a trash table that a {@code PERMANENT}
 * delete would leave pointing at nothing.
 */
final class RestrictChecks {
  /** How many keys a {@link DeleteRestrictedException} names. */
  private static final int POINTED_AT_SHOWN = 10;

  private RestrictChecks() {}

  static void run(Strategy statements, Statements sql, Keys keys) {
    run(statements, sql, keys, "");
  }

  /** @param why what the call deletes them for, after their keys in the message; may be empty */
  static void run(Strategy statements, Statements sql, Keys keys, String why) {
    for (Restriction restriction : runnable(statements, sql)) {
      long blocking = sql.count(restriction.sql(), "checking " + restriction.counted());
      if (blocking == 0) {
        continue;
      }
      List<Object> pointedAt = pointedAt(restriction, sql);
      if (restriction.trashTable().isPresent()) {
        throw new DeleteRestrictedException(
            keys.table(), keys.describe() + why, restriction.counted(), restriction.column(), blocking,
            restriction.parent(), pointedAt, 0, trashedAdvice(restriction, sql, blocking));
      }
      Optional<DeletePlan<?>> own = ownPlan(restriction.table());
      long soft = own.map(plan -> softDeleted(restriction, plan, sql)).orElse(0L);
      throw new DeleteRestrictedException(
          keys.table(), keys.describe() + why, restriction.table(), restriction.column(), blocking,
          restriction.parent(), pointedAt, soft, softAdvice(blocking, soft));
    }
  }

  /**
   * The strategy's {@code RESTRICT} checks that this database has the table of: a count in a trash
   * table only where that table exists (a model deleted {@code SOFT} or {@code PERMANENT} alone may
   * have none).
   */
  static List<Restriction> runnable(Strategy statements, Statements sql) {
    if (statements.restrictions().stream().allMatch(r -> r.trashTable().isEmpty())) {
      return statements.restrictions();
    }
    Predicate<String> exists = sql.dialect() == Dialect.POSTGRESQL
        ? table -> resolves(sql, table)
        : Tables.of(sql.handle())::exists;
    return statements.restrictions().stream().filter(r -> r.trashTable().map(exists::test).orElse(true)).toList();
  }

  /**
   * Whether PostgreSQL finds the table under the name the count writes ({@code to_regclass}, which
   * resolves it through the search path as the count will, and answers null rather than failing
   * the transaction). One query on the connection: the catalog's {@code getTables} took about 0.5 ms
   * of every {@code PERMANENT} delete of a model with a {@code RESTRICT} relation, half of a small
   * delete (BENCHMARKS.md, "RESTRICT checks").
   */
  private static boolean resolves(Statements sql, String table) {
    try (PreparedStatement query = sql.handle().getConnection().prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      query.setString(1, sql.schema().quote(table, Dialect.POSTGRESQL));
      try (ResultSet found = query.executeQuery()) {
        return found.next() && found.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new CascadeException("cannot tell whether the table " + table + " exists", e);
    }
  }

  /**
   * What to do about rows a {@code RESTRICT} relation counts: delete or move them; but rows only
   * soft-deleted still point at the rows they keep until the purge of the operations that deleted
   * them removes them (trial 24 was told to delete transcripts it had deleted). Those operations
   * may be rooted at another table (a course's, which took its transcripts), so the purge to name
   * is {@code Journal.purge}, which purges every table's.
   */
  private static String softAdvice(long blocking, long soft) {
    if (soft == 0) {
      return "delete or move those rows first";
    }
    String purged =
        soft == 1
            ? "soft-deleted, and still points there until the operation that soft-deleted it is purged (Journal.purge)"
            : "soft-deleted, and still point there until the operations that soft-deleted them are purged (Journal.purge)";
    if (soft == blocking) {
      return soft == 1
          ? "that row is " + purged + "; purge it first, or restore and move it"
          : "those rows are " + purged + "; purge them first, or restore and move them";
    }
    return "delete or move those rows first; " + soft + " of them " + (soft == 1 ? "is " : "are ") + purged;
  }

  /**
   * What to do about rows of a {@code RESTRICT} relation's child in its trash that point at rows a
   * {@code PERMANENT} delete would remove: restored, they would point at nothing, so the deletes that
   * trashed them could not be undone (trial 25: a member deleted for good left an issue's trash with
   * the member's time entries that no restore could bring back). Names those deletes, the first ten.
   */
  private static String trashedAdvice(Restriction restriction, Statements sql, long blocking) {
    List<String> operations =
        restriction.sql().distinct(Protocol.DELETION_ID, POINTED_AT_SHOWN + 1)
            .map(query -> sql.list(query, (rs, ctx) -> rs.getString(1), "checking " + restriction.counted()))
            .orElse(List.of());
    String them = blocking == 1 ? "it" : "them";
    String those = operations.size() == 1 ? "that operation" : "those operations";
    return (blocking == 1 ? "that row is" : "those rows are") + " in the trash"
        + (operations.isEmpty() ? "" : ", from " + (operations.size() == 1 ? "operation " : "operations ") + shown(operations))
        + ", and restored, " + (blocking == 1 ? "it" : "they") + " would point at nothing: restore " + those
        + " and delete or move " + them + ", or purge " + those + " (Journal.purge), first";
  }

  private static String shown(List<String> values) {
    return values.size() == 1
        ? values.get(0)
        : "[" + String.join(", ", values.subList(0, Math.min(POINTED_AT_SHOWN, values.size())))
            + (values.size() > POINTED_AT_SHOWN ? ", ..." : "") + "]";
  }

  /**
   * How many of the rows that block are soft-deleted, which a delete that counts them (any but a
   * {@code SOFT} one) cannot tell the caller apart otherwise; read only once the count found some.
   * None where the table has no soft-delete column, or the read failed: the refusal matters more
   * than its detail.
   *
   * @param own the plan of the blocking table's own generated deleter
   */
  private static long softDeleted(Restriction restriction, DeletePlan<?> own, Statements sql) {
    Optional<Sql> count =
        own.softDeleteColumn()
            .flatMap(c -> restriction.sql().countWhere(sql.schema().quote(c, sql.dialect()) + " IS NOT NULL"));
    try {
      return count.isEmpty() ? 0 : sql.count(count.get(), "checking " + restriction.table());
    } catch (CascadeException e) {
      return 0;
    }
  }

  /**
   * The plan of the table's own generated deleter, found through {@code META-INF/services}; empty
   * where it is not on the class path, or the list names a class that is not there.
   */
  private static Optional<DeletePlan<?>> ownPlan(String table) {
    try {
      return GeneratedDeleters.stream().filter(plan -> plan.table().equals(table)).findFirst();
    } catch (ServiceConfigurationError e) {
      return Optional.empty();
    }
  }

  /**
   * The keys the blocking rows of a restriction point at, the first eleven (the failure shows ten
   * and says whether there are more), read only once the count found some; none where the count
   * is not {@code SELECT COUNT(*) FROM table WHERE ...}.
   */
  private static List<Object> pointedAt(Restriction restriction, Statements sql) {
    Optional<Sql> values =
        restriction.sql().distinct(sql.schema().quote(restriction.column(), sql.dialect()), POINTED_AT_SHOWN + 1);
    if (values.isEmpty()) {
      return List.of();
    }
    Optional<Class<?>> type =
        sql.schema().tables().stream()
            .filter(table -> table.name().equals(restriction.parent()))
            .flatMap(table -> table.key().stream())
            .findFirst()
            .map(CascadeSchema.Column::javaType);
    RowMapper<Object> key =
        (rs, ctx) -> type.isPresent()
            ? Columns.mapper(ctx, type.get(), restriction.table(), restriction.column()).map(rs, 1, ctx)
            : rs.getObject(1);
    return sql.list(values.get(), key, "checking " + restriction.table());
  }
}
