package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * What holds a parent row that a restore is refused for: the delete operation to restore first,
 * or nothing, when the row is gone for good. Read only once a restore is refused, in its
 * transaction, so that the refusal can say what to do: "restore posts 5 first" alone said neither
 * which delete had taken the post nor whether it could come back at all.
 */
sealed interface ParentHold {
  /** The id of the delete that holds the row, where one does. */
  default Optional<String> holder() {
    return this instanceof Held held ? Optional.of(held.deletionId()) : Optional.empty();
  }

  /**
   * Held by this delete: the one whose marker the row's soft-delete column holds, or the one whose
   * trash copy of it is the newest.
   *
   * @param operation the journal's record of it; empty with the journal off
   */
  record Held(String deletionId, Optional<Operation> operation) implements ParentHold {}

  /** Neither soft-deleted in its table nor in its trash table: deleted for good. */
  record Gone() implements ParentHold {}

  /**
   * Not known: a table that neither the restore's schema nor a generated deleter's describes with
   * its key, a soft-delete marker no operation in the journal has (the journal off, or a row marked
   * by hand), a row live again since the check, or a read that failed.
   */
  record Unknown() implements ParentHold {}

  /**
   * What holds the row of this table with this key, as a refused restore's check read it: the
   * table described by the restore's own schema, or else by the schema of a generated deleter on
   * the class path (the parent's own model, above the restore's cascade). A failure to read it
   * leaves it unknown: the refusal matters more than its detail.
   */
  static ParentHold of(Handle handle, Dialect dialect, CascadeSchema restored, String table, Object key) {
    try {
      Optional<CascadeSchema> schema = describing(restored, table);
      if (schema.isEmpty()) {
        return new Unknown();
      }
      return read(handle, dialect, schema.get(), schema.get().cascadeTable(table).orElseThrow(), key);
    } catch (JdbiException | ServiceConfigurationError e) {
      return new Unknown();
    }
  }

  /** A schema that describes this table with its key: the restore's own, or a generated deleter's. */
  private static Optional<CascadeSchema> describing(CascadeSchema restored, String table) {
    Predicate<CascadeSchema> describes = schema -> schema.cascadeTable(table).flatMap(CascadeSchema.Table::key).isPresent();
    if (describes.test(restored)) {
      return Optional.of(restored);
    }
    return GeneratedDeleters.stream().map(DeletePlan::schema).filter(describes).findFirst();
  }

  private static ParentHold read(Handle handle, Dialect dialect, CascadeSchema schema, CascadeSchema.Table parent, Object key) {
    String keyColumn = schema.quote(parent.key().get().name(), dialect);
    Optional<Optional<Instant>> live = liveMarker(handle, dialect, schema, parent, keyColumn, key);
    if (live.isPresent()) {
      // The row is in its table: soft-deleted by the operation of its marker, or live again since.
      return live.get()
          .flatMap(marker -> Journals.table(handle)
              .flatMap(journal -> Journals.withMarkers(handle, dialect, journal, List.of(marker)).stream().findFirst()))
          .<ParentHold>map(operation -> new Held(operation.deletionId(), Optional.of(operation)))
          .orElseGet(Unknown::new);
    }
    String trash = parent.trashTable().orElseThrow();
    if (!Tables.of(handle).exists(trash)) {
      return new Gone();
    }
    Optional<String> deletionId =
        handle.createQuery("SELECT " + Protocol.DELETION_ID + " FROM " + schema.quote(trash, dialect)
                + " WHERE " + Protocol.ORIGINAL_TABLE + " = :table AND " + keyColumn + " = :key"
                + " ORDER BY " + schema.quote(parent.trashTimeColumn(), dialect) + " DESC")
            .bind("table", parent.name())
            .bind("key", key)
            .setMaxRows(1)
            .mapTo(String.class)
            .findFirst();
    return deletionId
        .<ParentHold>map(id -> new Held(id, Journals.table(handle).flatMap(journal -> Journals.find(handle, journal, id))))
        .orElseGet(Gone::new);
  }

  /**
   * The row with this key in its own table, when it is there (the outer optional): its soft-delete
   * marker, empty when it is live or its table has no soft-delete column.
   */
  private static Optional<Optional<Instant>> liveMarker(
      Handle handle, Dialect dialect, CascadeSchema schema, CascadeSchema.Table parent, String keyColumn, Object key) {
    String selected = parent.softDeleteColumn().map(column -> schema.quote(column, dialect)).orElse("NULL");
    return handle.createQuery("SELECT " + selected + " FROM " + schema.quote(parent.name(), dialect) + " WHERE " + keyColumn + " = :key")
        .bind("key", key)
        .setMaxRows(1)
        .map((rs, ctx) -> rs.getObject(1) == null
            ? Optional.<Instant>empty()
            : Optional.of(Columns.mapper(ctx, Instant.class, parent.name(), parent.softDeleteColumn().orElseThrow()).map(rs, 1, ctx)))
        .findFirst();
  }
}
