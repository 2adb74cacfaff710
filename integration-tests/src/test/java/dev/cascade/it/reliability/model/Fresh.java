package dev.cascade.it.reliability.model;

/**
 * A value an operation makes up that the model cannot know in advance: the soft-delete timestamp,
 * the trash time and deletion id, a new key. The model writes the placeholder where the value
 * must appear; {@link Reconciler} learns the one value from the database and checks it appears
 * exactly there.
 */
sealed interface Fresh {
  /** The one {@code deleted_at} a soft delete writes. */
  record Mark() implements Fresh {}

  /** The one {@code trashed_at} a trash delete writes. */
  record TrashedAt() implements Fresh {}

  /** The one {@code deletion_id} a trash delete writes. */
  record DeletionId() implements Fresh {}

  /** The key the database gives a restored row whose id was taken, known by its text column. */
  record Key(String table, String text) implements Fresh {}
}
