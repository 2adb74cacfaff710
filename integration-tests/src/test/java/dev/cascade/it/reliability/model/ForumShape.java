package dev.cascade.it.reliability.model;

import dev.cascade.annotations.OnDelete;
import java.util.List;
import java.util.Map;

/**
 * The forum's tables and relations, written out by hand from the forum records and DDL: the only
 * knowledge the reference model has of the schema. Nothing here comes from generated code.
 */
final class ForumShape {
  /** A foreign key: {@code child.column} points at {@code parent.id}, for rows of {@code type} only when set. */
  record Relation(String child, String column, String parent, String type, OnDelete onDelete, boolean constrained) {
    boolean applies(Map<String, Object> row) {
      return type == null || type.equals(row.get("subject_type"));
    }
  }

  static final List<Relation> RELATIONS =
      List.of(
          new Relation("posts", "user_id", "users", null, OnDelete.CASCADE, true),
          new Relation("comments", "post_id", "posts", null, OnDelete.CASCADE, true),
          new Relation("comments", "user_id", "users", null, OnDelete.CASCADE, true),
          new Relation("likes", "comment_id", "comments", null, OnDelete.CASCADE, true),
          new Relation("likes", "user_id", "users", null, OnDelete.CASCADE, true),
          new Relation("reactions", "subject_id", "posts", "post", OnDelete.CASCADE, false),
          new Relation("reactions", "subject_id", "comments", "comment", OnDelete.CASCADE, false),
          new Relation("invoices", "user_id", "users", null, OnDelete.RESTRICT, true),
          new Relation("sessions", "user_id", "users", null, OnDelete.SET_NULL, true));

  /** Tables with a {@code deleted_at} column and a trash table. */
  static final List<String> DELETABLE = List.of("users", "posts", "comments", "likes", "reactions");

  static final List<String> TABLES =
      List.of("users", "posts", "comments", "likes", "reactions", "invoices", "sessions");

  /** The column that tells rows apart for a human, unique in every fixture: for learning new keys. */
  static final Map<String, String> TEXT = Map.of("users", "name", "posts", "title", "comments", "body");

  static final List<String> TRASH_COLUMNS = List.of("trashed_at", "original_table", "deletion_id");

  /** The columns that hold a key: the key, and every foreign key. */
  static final List<String> KEY_COLUMNS = List.of("id", "user_id", "post_id", "comment_id", "subject_id");

  /** The operations journal both forums share the name of: Cascade's default. */
  static final String JOURNAL = "cascade_operations";

  private ForumShape() {}

  static List<Relation> cascadesFrom(String parent) {
    return RELATIONS.stream().filter(r -> r.parent().equals(parent) && r.onDelete() == OnDelete.CASCADE).toList();
  }

  static List<Relation> parentsOf(String child) {
    return RELATIONS.stream().filter(r -> r.child().equals(child)).toList();
  }
}
