package dev.cascade.processor.plan;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.annotations.OnDelete;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.RelationSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Models built by hand, as the processor would read them, for planner tests that need no
 * compiler. Records live in package {@code test}; a column's component has the column's name.
 */
final class Models {
  private Models() {}

  static ClassName type(String simpleName) {
    return ClassName.get("test", simpleName);
  }

  static ModelSpec model(String simpleName, String table, ColumnSpec... columns) {
    ModelSpec model = ModelSpec.of(type(simpleName), table);
    for (ColumnSpec column : columns) {
      model = model.withColumn(column);
    }
    return model;
  }

  /** {@code long id}, the key. */
  static ColumnSpec id() {
    return ColumnSpec.of("id", "id", TypeName.LONG).asKey();
  }

  static ColumnSpec text(String column) {
    return ColumnSpec.of(column, column, ClassName.get(String.class));
  }

  /** {@code Instant deleted_at}: the default soft-delete column. */
  static ColumnSpec deletedAt() {
    return ColumnSpec.of("deletedAt", "deleted_at", ClassName.get(Instant.class));
  }

  /** A {@code Long} foreign key (it may be set to null) with {@code @BelongsTo} these parents. */
  static ColumnSpec foreignKey(String column, String... parents) {
    return ColumnSpec.of(column, column, TypeName.LONG.box())
        .belongingTo(Arrays.stream(parents).map(Models::type).toArray(ClassName[]::new));
  }

  static RelationSpec hasMany(String parent, String child, OnDelete onDelete) {
    return RelationSpec.of(type(parent), type(child), onDelete);
  }

  /** The plan of {@code root}'s deleter and restorer, in a graph of these models. */
  static ModelPlan plan(ModelSpec root, ModelSpec... models) {
    return new Planner(RelationGraph.of(List.of(models))).plan(root);
  }

  /** The whole SQL of each statement a delete strategy runs on a database, in order. */
  static List<String> steps(ModelPlan plan, DeleteStrategy strategy, Dialect dialect) {
    return plan.delete().strategies().get(strategy).steps().stream()
        .filter(step -> step.only().isEmpty() || step.only().contains(dialect))
        .map(step -> plan.deleterSql().render(step.constant(), dialect))
        .toList();
  }

  /** The constant names of a delete strategy's steps on a database, in order. */
  static List<String> stepNames(ModelPlan plan, DeleteStrategy strategy, Dialect dialect) {
    return plan.delete().strategies().get(strategy).steps().stream()
        .filter(step -> step.only().isEmpty() || step.only().contains(dialect))
        .map(DeleteStep::constant)
        .toList();
  }

  static String deleterSql(ModelPlan plan, String constant, Dialect dialect) {
    return plan.deleterSql().render(constant, dialect);
  }

  static String restorerSql(ModelPlan plan, String constant, Dialect dialect) {
    return plan.restorerSql().render(constant, dialect);
  }

  /**
   * A forum: users own posts, and comments through two paths (their posts' comments, and the
   * comments they wrote); reactions hang off posts and comments through one polymorphic key;
   * invoices RESTRICT the delete; sessions are unlinked (SET_NULL). Every table of the cascade
   * has deleted_at.
   */
  static final class Forum {
    static final ModelSpec USERS =
        model("User", "users", id(), text("name"), deletedAt())
            .withHasMany(hasMany("User", "Post", OnDelete.CASCADE))
            .withHasMany(hasMany("User", "Comment", OnDelete.CASCADE).withForeignKey("author_id"))
            .withHasMany(hasMany("User", "Invoice", OnDelete.RESTRICT))
            .withHasMany(hasMany("User", "Session", OnDelete.SET_NULL));
    static final ModelSpec POSTS =
        model("Post", "posts", id(), foreignKey("user_id", "User"), text("title"), deletedAt())
            .withHasMany(hasMany("Post", "Comment", OnDelete.CASCADE))
            .withHasMany(hasMany("Post", "Reaction", OnDelete.CASCADE).withWhere("subject_type = 'post'"));
    static final ModelSpec COMMENTS =
        model("Comment", "comments", id(), foreignKey("post_id", "Post"), foreignKey("author_id", "User"), text("body"), deletedAt())
            .withHasMany(hasMany("Comment", "Reaction", OnDelete.CASCADE).withWhere("subject_type = 'comment'"));
    static final ModelSpec REACTIONS =
        model("Reaction", "reactions", id(), text("subject_type"), foreignKey("subject_id", "Post", "Comment"), deletedAt());
    static final ModelSpec INVOICES = model("Invoice", "invoices", id(), foreignKey("user_id", "User"));
    static final ModelSpec SESSIONS = model("Session", "sessions", id(), foreignKey("user_id", "User"));

    static ModelPlan plan(ModelSpec root) {
      return Models.plan(root, USERS, POSTS, COMMENTS, REACTIONS, INVOICES, SESSIONS);
    }
  }

  /** A drive's folders, a tree (parent_id), with documents in them. */
  static final class Drive {
    static final ModelSpec DRIVES =
        model("Drive", "drives", id(), deletedAt()).withHasMany(hasMany("Drive", "Folder", OnDelete.CASCADE));
    static final ModelSpec FOLDERS =
        model("Folder", "folders", id(), foreignKey("drive_id", "Drive"), foreignKey("parent_id", "Folder"), deletedAt())
            .withHasMany(hasMany("Folder", "Folder", OnDelete.CASCADE))
            .withHasMany(hasMany("Folder", "Document", OnDelete.CASCADE));
    static final ModelSpec DOCUMENTS =
        model("Document", "documents", id(), foreignKey("folder_id", "Folder"), deletedAt());

    static ModelPlan plan(ModelSpec root) {
      return Models.plan(root, DRIVES, FOLDERS, DOCUMENTS);
    }
  }

  /**
   * A kanban app: boards own lists, lists own cards, cards own comments, a tree (parent_id) below
   * the root reached through one relation at each step.
   */
  static final class Kanban {
    static final ModelSpec BOARDS =
        model("Board", "boards", id(), deletedAt()).withHasMany(hasMany("Board", "BoardList", OnDelete.CASCADE));
    static final ModelSpec LISTS =
        model("BoardList", "lists", id(), foreignKey("board_id", "Board"), deletedAt())
            .withHasMany(hasMany("BoardList", "Card", OnDelete.CASCADE));
    static final ModelSpec CARDS =
        model("Card", "cards", id(), foreignKey("list_id", "BoardList"), deletedAt())
            .withHasMany(hasMany("Card", "Comment", OnDelete.CASCADE));
    static final ModelSpec COMMENTS =
        model("Comment", "comments", id(), foreignKey("card_id", "Card"), foreignKey("parent_id", "Comment"), deletedAt())
            .withHasMany(hasMany("Comment", "Comment", OnDelete.CASCADE).withForeignKey("parent_id"));

    static ModelPlan plan(ModelSpec root) {
      return Models.plan(root, BOARDS, LISTS, CARDS, COMMENTS);
    }
  }

  /**
   * Threads: a user's posts, and comments, a tree (parent_id) that a user's delete reaches through
   * two relations: the comments on their posts, and the comments they wrote.
   */
  static final class Threads {
    static final ModelSpec USERS =
        model("User", "users", id())
            .withHasMany(hasMany("User", "Post", OnDelete.CASCADE))
            .withHasMany(hasMany("User", "Comment", OnDelete.CASCADE).withForeignKey("author_id"));
    static final ModelSpec POSTS =
        model("Post", "posts", id(), foreignKey("user_id", "User")).withHasMany(hasMany("Post", "Comment", OnDelete.CASCADE));
    static final ModelSpec COMMENTS =
        model("Comment", "comments", id(), foreignKey("post_id", "Post"), foreignKey("author_id", "User"),
                foreignKey("parent_id", "Comment"))
            .withHasMany(hasMany("Comment", "Comment", OnDelete.CASCADE).withForeignKey("parent_id"));

    static ModelPlan plan(ModelSpec root) {
      return Models.plan(root, USERS, POSTS, COMMENTS);
    }
  }
}
