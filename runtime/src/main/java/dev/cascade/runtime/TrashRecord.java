package dev.cascade.runtime;

import java.time.Instant;

/**
 * Where a trashed row went: its trash table and the operation that put it there.
 *
 * @param trashTable the table holding the copy, for example {@code users_trash}
 * @param originalTable the table the row came from
 * @param deletionId the operation's id, shared by every row it trashed
 * @param deletedAt when the operation ran
 */
public record TrashRecord(String trashTable, String originalTable, String deletionId, Instant deletedAt) {}
