package dev.cascade.processor.plan;

import dev.cascade.processor.model.ModelSpec;

/**
 * The trash table of a model: its name and its column for when a row was trashed, {@code
 * deleted_at}, or {@code trashed_at} when the table has a {@code deleted_at} column of its own,
 * which the trash table keeps as it was so that a restore gives it back unchanged.
 */
record TrashTable(String name, String timeColumn) {

  static TrashTable of(ModelSpec model) {
    boolean ownDeletedAt = model.column(Protocol.DELETED_AT_COLUMN).isPresent();
    return new TrashTable(model.trashTable(), ownDeletedAt ? Protocol.TRASHED_AT : Protocol.DELETED_AT_COLUMN);
  }
}
