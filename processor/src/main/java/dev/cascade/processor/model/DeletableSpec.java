package dev.cascade.processor.model;

import dev.cascade.annotations.DeleteStrategy;
import java.util.Optional;

/**
 * What {@code @Deletable} says, or its defaults when the record does not carry it.
 *
 * @param strategy the strategy, only when written: otherwise the model follows the runtime default
 * @param deletedAt the soft-delete column
 * @param deletedAtWritten whether {@code deletedAt} was written rather than left at its default
 * @param trashTable the trash table, when written
 * @param origin the record with its {@code @Deletable}, or just the record
 */
public record DeletableSpec(
    Optional<DeleteStrategy> strategy,
    String deletedAt,
    boolean deletedAtWritten,
    Optional<String> trashTable,
    Origin origin) {

  public static final String DEFAULT_DELETED_AT = "deleted_at";

  public static DeletableSpec defaults() {
    return new DeletableSpec(Optional.empty(), DEFAULT_DELETED_AT, false, Optional.empty(), Origin.NONE);
  }

  public DeletableSpec withStrategy(DeleteStrategy written) {
    return new DeletableSpec(Optional.of(written), deletedAt, deletedAtWritten, trashTable, origin);
  }

  public DeletableSpec withTrashTable(String table) {
    return new DeletableSpec(strategy, deletedAt, deletedAtWritten, Optional.of(table), origin);
  }
}
