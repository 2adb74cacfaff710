package dev.cascade.runtime.internal;

import dev.cascade.runtime.Dialect;
import java.util.List;
import java.util.Optional;

/**
 * A {@code DELETE} or {@code UPDATE} of at most {@code n} of the rows a condition picks, written as
 * each database allows it:
 *
 * <ul>
 *   <li>PostgreSQL has no {@code DELETE ... LIMIT}: the rows are picked by their physical address,
 *       {@code ctid = ANY(ARRAY(SELECT ctid FROM cascade_picked))} over {@code cascade_picked AS
 *       MATERIALIZED (SELECT tableoid, ctid FROM t WHERE ... LIMIT n)}, which it reads with a TID
 *       scan, and of those the rows in the picked row's table ({@link #atPicked}). A row
 *       another transaction updates meanwhile moves: the statement waits for it, then finds nothing
 *       at the address it picked (the new version is not in its snapshot, and {@code FOR UPDATE} in
 *       the pick does not change that) and changes nothing. So the statement is a query that says
 *       how many rows it changed and how many it picked ({@link #counting}): a batch that changed
 *       none of the rows it picked is followed by another, which sees the row where it is now and
 *       takes it (a newcomer's trial: a purge left a soft-deleted course whose title the app was
 *       updating, its children gone, and a batched soft delete left 20 grades live). A {@code
 *       COUNT} of what is left after each statement's last batch did the same, at the cost of
 *       another pass over the statement's condition;
 *   <li>SQLite has {@code DELETE ... LIMIT} only when compiled for it: {@code rowid IN (SELECT rowid
 *       FROM t WHERE ... LIMIT n)};
 *   <li>MySQL and MariaDB limit the statement itself, {@code ... LIMIT n}; where the condition reads
 *       the table it changes (MySQL's error 1093), the rows are picked by key in a derived table,
 *       which MySQL reads first: {@code id IN (SELECT id FROM (SELECT id FROM t WHERE ... LIMIT n)
 *       AS cascade_batch)} (MySQL refuses {@code LIMIT} directly inside {@code IN (...)});
 *   <li>H2 reads a query lazily while the statement that holds it changes the table under it: an
 *       {@code IN (SELECT ... LIMIT n)} then picks more rows than asked, its {@code DELETE ... FETCH
 *       FIRST n ROWS ONLY} miscounts the rows it changed, and a {@code MERGE} meets a row twice. So
 *       on H2 a query first picks the batch's row ids ({@code SELECT _ROWID_ ... LIMIT n}: at most
 *       {@code n} numbers), and the statement changes those rows, each looked up by its id: a
 *       {@code MERGE} over {@code UNNEST(:cascadeRows)}. H2 answers {@code _ROWID_ = ANY(...)} by
 *       scanning the table, every batch (5,000 rows of 50,000: 650 ms, against 13-43 ms). The id is
 *       the table's key where that is a number ({@link #rowId}): H2 looks a row up by {@code
 *       _ROWID_} through any other index the table has, which it then reads whole for every row (a
 *       newcomer's trial 26: a batch of 10,000 of 200,000 comments, which had an index on each
 *       foreign key, took 130 s; by the key 0.5-1.5 s).
 * </ul>
 *
 * Names are as generated SQL writes them; the condition may name the table, qualified by its name.
 */
final class Limit {
  /** The bind parameter of the row ids an H2 batch picked, an array. */
  static final String ROWS = "cascadeRows";

  /**
   * The rows a batch picked: on H2 their ids, under this alias; on PostgreSQL their addresses, the
   * statement's first {@code WITH} query.
   */
  private static final String PICKED = "cascade_picked";
  private static final String CHANGED = "cascade_changed";
  private static final String PICKED_ROW = "cascade_row";
  private static final String UNNESTED = "cascade_unnested";

  private Limit() {}

  /**
   * A limited statement.
   *
   * @param pick on H2, the query that picks the batch's row ids, which {@code statement} then
   *     changes ({@link #changePicked})
   * @param countsPicked on PostgreSQL, {@code statement} is a query of the rows it changed and the
   *     rows it picked ({@link #counting})
   */
  record Limited(Optional<String> pick, String statement, boolean countsPicked) {}

  /**
   * {@code DELETE FROM table WHERE condition}, at most {@code n} rows.
   *
   * @param key on MySQL, the key to pick the rows by, where the condition reads the table itself
   * @param numberKey the table's key where it is a number, which H2 picks the rows by ({@link #rowId})
   */
  static Limited delete(
      Dialect dialect, String table, String condition, int n, Optional<String> key, Optional<String> numberKey) {
    return limited(dialect, "DELETE FROM " + table, "DELETE", table, condition, n, key, numberKey);
  }

  /**
   * {@code DELETE FROM trash WHERE condition}, at most about {@code n} rows, for a purge: as {@link
   * #delete}, but on H2 the batch looks its rows up by the key and the condition together, as a key
   * is not unique in a trash table (a row trashed again after its restore has a copy per
   * operation), and takes every copy of a key it picked.
   */
  static Limited deleteCopies(Dialect dialect, String trash, String condition, int n, Optional<String> numberKey) {
    Limited limited = delete(dialect, trash, condition, n, Optional.empty(), numberKey);
    if (dialect != Dialect.H2 || numberKey.isEmpty()) {
      return limited;
    }
    String row = rowId(trash, numberKey);
    return new Limited(
        Optional.of("SELECT DISTINCT " + row + " FROM " + trash + " WHERE " + condition + " LIMIT " + n),
        "MERGE INTO " + trash + " USING (SELECT " + PICKED_ROW + " FROM UNNEST(:" + ROWS + ") AS " + UNNESTED + " ("
            + PICKED_ROW + ")) AS " + PICKED + " ON " + row + " = " + PICKED + "." + PICKED_ROW + " AND " + condition
            + " WHEN MATCHED THEN DELETE",
        false);
  }

  /** {@code UPDATE table SET assignments WHERE condition}, at most {@code n} rows. */
  static Limited update(
      Dialect dialect, String table, String assignments, String condition, int n, Optional<String> key,
      Optional<String> numberKey) {
    return limited(
        dialect, "UPDATE " + table + " SET " + assignments, "UPDATE SET " + assignments, table, condition, n, key, numberKey);
  }

  /**
   * On H2, what a batch picks its rows by and looks them up by again: the table's key where it is a
   * number, through the key's own index, and {@code _ROWID_} otherwise, which H2 looks up through
   * any other index of the table, read whole for every row (H2 2.3.232 does so for every table
   * with an index besides its scan; {@code USE INDEX} is not allowed on a {@code MERGE}'s target).
   */
  static String rowId(String table, Optional<String> numberKey) {
    return table + "." + numberKey.orElse("_ROWID_");
  }

  /**
   * On H2, the rows the batch picked, for a {@code FROM}: their ids first, each row then looked up
   * by its id ({@code ... LEFT JOIN table ON ...}, which H2 keeps in this order).
   */
  static String pickedRows(String table, Optional<String> numberKey) {
    String row = rowId(table, numberKey);
    return "UNNEST(:" + ROWS + ") AS " + PICKED + " (" + PICKED_ROW + ") LEFT JOIN " + table + " ON " + row
        + " = " + PICKED + "." + PICKED_ROW + " WHERE " + row + " IS NOT NULL";
  }

  /** On H2, {@code action} ({@code DELETE}, {@code UPDATE SET ...}) on the rows the batch picked. */
  static String changePicked(String table, String action, Optional<String> numberKey) {
    // The column is named, not read as H2's C1, which a DATABASE_TO_LOWER database would look up as c1.
    return "MERGE INTO " + table + " USING (SELECT " + PICKED_ROW + " FROM UNNEST(:" + ROWS + ") AS " + UNNESTED + " ("
        + PICKED_ROW + ")) AS " + PICKED + " ON " + rowId(table, numberKey) + " = " + PICKED + "." + PICKED_ROW
        + " WHEN MATCHED THEN " + action;
  }

  /**
   * On PostgreSQL, the {@code WITH} query of the addresses of at most {@code n} rows {@code
   * condition} picks, for {@link #atPicked} and {@link #counting}. {@code MATERIALIZED}: the
   * statement reads it twice, and both must see the same rows.
   */
  static String picked(String table, String condition, int n) {
    return PICKED + " AS MATERIALIZED (SELECT tableoid, ctid FROM " + table + " WHERE " + condition + " LIMIT " + n + ")";
  }

  /**
   * On PostgreSQL, {@code head} ({@code DELETE FROM t}, {@code UPDATE t SET ...}) of the picked
   * rows: those at the picked addresses, read with a TID scan, that are in the picked row's table
   * too. An address is unique only within one table, and a partitioned table's partitions each have
   * one (a newcomer's trial: a batched delete of a customer's 46 payments, in a table of seven
   * partitions, deleted 206 payments of other customers too).
   */
  static String atPicked(String head) {
    return head + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + PICKED + ")) AND (tableoid, ctid) IN (SELECT tableoid, ctid FROM "
        + PICKED + ")";
  }

  /**
   * On PostgreSQL, the query that runs {@code queries} ({@link #picked} first, then the statements
   * that change rows, each {@code RETURNING}) and selects the number of rows of {@code changed} and
   * the number of rows picked: {@code WITH cascade_picked AS MATERIALIZED (...), cascade_changed AS
   * (DELETE ... RETURNING 1) SELECT (SELECT COUNT(*) FROM cascade_changed), (SELECT COUNT(*) FROM
   * cascade_picked)}.
   */
  static String counting(List<String> queries, String changed) {
    return "WITH " + String.join(", ", queries) + " SELECT (SELECT COUNT(*) FROM " + changed + "), (SELECT COUNT(*) FROM "
        + PICKED + ")";
  }

  /**
   * On H2, the query that picks at most {@code n} rows' ids; elsewhere none. A condition that begins
   * with an {@code IN} over a query is read as a join ({@link InSubquery}): H2 would run the query
   * again for every row it looks at, which grows with the square of a subtree reached through a
   * recursive query (a newcomer's trial: 97-247 s to trash 20,002 rows in batches, against 0.3 s in one
   * transaction).
   */
  static Optional<String> pick(Dialect dialect, String table, String condition, int n, Optional<String> numberKey) {
    if (dialect != Dialect.H2) {
      return Optional.empty();
    }
    String rows = InSubquery.of(condition)
        .map(in -> in.rowIdsOf(table, rowId(table, numberKey)))
        .orElse("SELECT " + rowId(table, numberKey) + " FROM " + table + " WHERE " + condition);
    return Optional.of(rows + " LIMIT " + n);
  }

  private static Limited limited(
      Dialect dialect, String head, String action, String table, String condition, int n, Optional<String> key,
      Optional<String> numberKey) {
    String statement = switch (dialect) {
      case POSTGRESQL -> counting(
          List.of(picked(table, condition, n), CHANGED + " AS (" + atPicked(head) + " RETURNING 1)"), CHANGED);
      case SQLITE -> head + " WHERE rowid IN (SELECT rowid FROM " + table + " WHERE " + condition + " LIMIT " + n + ")";
      case MYSQL -> head + key.map(k -> " WHERE " + k + " IN (SELECT " + k + " FROM (SELECT " + table + "." + k + " FROM "
              + table + " WHERE " + condition + " LIMIT " + n + ") AS cascade_batch)")
          .orElse(" WHERE " + condition + " LIMIT " + n);
      case H2 -> changePicked(table, action, numberKey);
    };
    return new Limited(pick(dialect, table, condition, n, numberKey), statement, dialect == Dialect.POSTGRESQL);
  }
}
