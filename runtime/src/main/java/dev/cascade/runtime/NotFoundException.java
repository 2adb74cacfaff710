package dev.cascade.runtime;

import java.util.List;

/**
 * A delete with {@link DeleteOptions#withRequireExisting(boolean) withRequireExisting(true)} named
 * rows it cannot delete: no row has the key, or, for a {@code SOFT} delete, the row is
 * soft-deleted already. Nothing was changed.
 */
public class NotFoundException extends CascadeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final List<Object> ids;

  public NotFoundException(String table, List<?> ids, String message) {
    super(message);
    this.table = table;
    this.ids = List.copyOf(ids);
  }

  /** The table asked about. */
  public String table() {
    return table;
  }

  /** The keys, as the call gave them, that name no row the call could delete. */
  public List<Object> ids() {
    return ids;
  }
}
