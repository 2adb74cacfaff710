package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Runs generated statements for one call on one database: renders their names as the database
 * needs them, fills in the placeholders ({@code <ids>}, {@code <markers>}, the keys a restore gives
 * anew), binds the call's values, and turns a database error into a {@link CascadeException} that
 * names the table and the ids.
 */
final class Statements {
  private final Handle handle;
  private final Dialect dialect;
  private final CascadeSchema names;
  private final Placeholders placeholders;
  private final Keys keys;

  Statements(Handle handle, Dialect dialect, CascadeSchema names, Placeholders placeholders) {
    this.handle = handle;
    this.dialect = dialect;
    this.names = names;
    this.placeholders = placeholders;
    this.keys = placeholders.keys();
  }

  Handle handle() {
    return handle;
  }

  Dialect dialect() {
    return dialect;
  }

  /** The model's tables and names. */
  CascadeSchema schema() {
    return names;
  }

  /** The requested keys the statements are run for. */
  Keys keys() {
    return keys;
  }

  /** Runs an update; {@code what} says what it was for, should it fail. */
  int update(Sql sql, Map<String, Object> values, String what) {
    return update(expand(sql), values, what);
  }

  /**
   * Runs a copy of {@code table}'s rows into its trash that locks the rows it copies until the
   * transaction ends ({@link RowLocks}).
   */
  int copy(Sql sql, String table, Map<String, Object> values, String what) {
    return update(locking(sql, table), values, what);
  }

  private int update(String text, Map<String, Object> values, String what) {
    try {
      var update = handle.createUpdate(text);
      prepare(update, text, values);
      return update.execute();
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  /** Runs an insert and reads back the key the database generated for the one row it adds. */
  Object insertReturningKey(Sql sql, Map<String, Object> values, String keyColumn, Class<?> keyType, String what) {
    try {
      String text = expand(sql);
      var update = handle.createUpdate(text);
      prepare(update, text, values);
      return update.executeAndReturnGeneratedKeys(keyColumn).mapTo(keyType).one();
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  /** The rows a query selects, read by the mapper. */
  <T> List<T> list(Sql sql, RowMapper<T> mapper, String what) {
    return list(expand(sql), mapper, what);
  }

  /** The rows a query of {@code table} selects, read by the mapper and locked ({@link RowLocks}). */
  <T> List<T> listLocking(Sql sql, String table, RowMapper<T> mapper, String what) {
    return list(locking(sql, table), mapper, what);
  }

  private <T> List<T> list(String text, RowMapper<T> mapper, String what) {
    try {
      var query = handle.createQuery(text);
      prepare(query, text, Map.of());
      return new ArrayList<>(query.map(mapper).list());
    } catch (JdbiException e) {
      throw failure(what, e);
    } catch (CascadeException e) {
      throw e;
    } catch (RuntimeException e) {
      // A record's constructor (or a column mapper) refused the values of a stored row.
      throw new CascadeException(
          what + " for " + keys + " failed: a row could not be read into its record (" + e + "): the record's"
              + " constructor, or a column mapper registered for one of its types, refuses values the table holds."
              + " Cascade reads records for listeners (a call with events skipped reads none), and after a restore"
              + " to return the rows it brought back, events skipped or not; nothing was changed: change the row,"
              + " the record or the mapper (a delete with events skipped reads no record)",
          e);
    }
  }

  /** The first value the query selects, or empty when it selects no row. */
  Optional<Object> first(Sql sql, String what) {
    try {
      String text = expand(sql);
      var query = handle.createQuery(text);
      prepare(query, text, Map.of());
      query.setMaxRows(1);
      return query.map((rs, ctx) -> rs.getObject(1)).findFirst();
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  long count(Sql sql, String what) {
    return numbers(sql, Map.of(), what).get(0);
  }

  /** The numbers in the one row a query selects, in the order of its columns; {@code values} bound. */
  List<Long> numbers(Sql sql, Map<String, Object> values, String what) {
    try {
      String text = expand(sql);
      var query = handle.createQuery(text);
      prepare(query, text, values);
      return query.map((rs, ctx) -> {
        List<Long> row = new ArrayList<>();
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
          row.add(rs.getLong(column));
        }
        return row;
      }).one();
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  /**
   * Whether the statement's portable text, its {@link Protocol#ONLY_NAMED} parts cut or kept as
   * this call needs, reads its table alone: no query inside it.
   */
  boolean portableReadsOneTable(Sql sql) {
    String text = placeholders.expand(sql.portable());
    return !text.contains("(SELECT ") && !text.contains("(WITH ");
  }

  /** The statement's text, ending so that it locks the rows of {@code table} it reads. */
  private String locking(Sql sql, String table) {
    return expand(sql) + RowLocks.of(dialect, names.quote(table, dialect));
  }

  private String expand(Sql sql) {
    return placeholders.expand(Quoting.render(sql.text(dialect), dialect, names));
  }

  private <S extends SqlStatement<S>> void prepare(S statement, String text, Map<String, Object> values) {
    // Generated SQL is final text: a <...> in a user's where must stay as it is.
    PlainSqlParser.apply(statement);
    placeholders.bind(statement, text);
    values.forEach(
        (name, value) -> {
          if (text.contains(":" + name)) {
            bindValue(statement, name, value);
          }
        });
  }

  /**
   * PostgreSQL is told an operation time is a {@code timestamptz}, so it may stand in a select
   * list; the other drivers take an {@code Instant} as a timestamp. A null key goes with its key's
   * SQL type ({@link KeyType#nullSqlType}).
   */
  private void bindValue(SqlStatement<?> statement, String name, Object value) {
    if (value instanceof Typed typed) {
      KeyType key = KeyType.of(typed.type());
      if (typed.value() == null && key != KeyType.OTHER) {
        statement.bindNull(name, key.nullSqlType(dialect));
      } else {
        statement.bindByType(name, typed.value(), typed.type());
      }
    } else if (value instanceof Instant instant && dialect == Dialect.POSTGRESQL) {
      statement.bind(name, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    } else {
      statement.bind(name, value);
    }
  }

  /** A value bound with its type, so that a null has one: {@code new Typed(null, Long.class)}. */
  record Typed(Object value, Class<?> type) {}

  private CascadeException failure(String what, JdbiException e) {
    return SqlFailures.exception(what + " for " + keys + " failed: " + SqlFailures.briefCause(e), e);
  }
}
