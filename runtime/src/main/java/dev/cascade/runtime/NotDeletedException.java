package dev.cascade.runtime;

import java.util.List;

/**
 * A restore asked for rows that are not deleted: live, never there, or deleted {@code PERMANENT}ly
 * (which cannot be undone). Nothing was changed.
 */
public class NotDeletedException extends CascadeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final List<Object> ids;

  public NotDeletedException(String table, List<?> ids, String message) {
    super(message);
    this.table = table;
    this.ids = List.copyOf(ids);
  }

  /** The table asked about. */
  public String table() {
    return table;
  }

  /** The keys that are not deleted. */
  public List<Object> ids() {
    return ids;
  }
}
