package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The condition that keeps soft-deleted rows out of a user's own query, qualified by the name the
 * query gives the table ({@code p.deleted_at IS NULL}), so that it stays unambiguous in a join of
 * two soft-deletable tables; the column is quoted as the handle's database needs where it reserves
 * the word.
 */
public final class NotDeleted {
  /** A plain SQL name, or one in double quotes or backticks, as the query writes it. */
  private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\"|`[^`]+`");

  private NotDeleted() {}

  /**
   * @param table the table, for messages
   * @param column the soft-delete column
   * @param alias the table's name or alias in the user's query, written into the condition as it is
   */
  public static String condition(Handle handle, CascadeSchema schema, String table, String column, String alias) {
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw new CascadeException(
          table + ": notDeleted needs the name your query gives " + table + " (FROM " + table + " p: \"p\"), got "
              + (alias == null ? "null" : "'" + alias + "'")
              + "; pass a plain SQL name, or one quoted as your database quotes it");
    }
    if (handle == null) {
      throw new CascadeException(table + ": notDeleted needs the handle, to quote " + column + " as its database does");
    }
    return alias + "." + schema.quote(column, Dialect.of(handle)) + " IS NULL";
  }
}
