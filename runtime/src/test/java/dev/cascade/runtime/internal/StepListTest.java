package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lists of steps generated code hands to {@code Strategy.of}, {@code SoftRestore.of},
 * {@code TrashRestore.of} and {@code CascadeSchema.of}: each step read into its place, and a list
 * from another version of the processor refused at once, with what to do.
 */
class StepListTest {
  @Test
  void aStrategyReadsEachStepWithItsArguments() {
    Strategy strategy = Strategy.of(DeleteStrategy.TRASH,
        "restrict", "invoices", "user_id", "users", "SELECT 1",
        "copy", "posts", Sql.of("COPY POSTS").or(Dialect.H2, "COPY POSTS ON H2"),
        "delete", "posts", "DELETE POSTS",
        "nullify", "sessions", "user_id", "NULLIFY SESSIONS",
        "deleteRoots", "users", "DELETE USERS",
        "countNullified", "sessions", "COUNT SESSIONS");

    assertThat(strategy.kind()).isEqualTo(DeleteStrategy.TRASH);
    assertThat(strategy.restrictions()).singleElement().satisfies(r -> {
      assertThat(r.table()).isEqualTo("invoices");
      assertThat(r.column()).isEqualTo("user_id");
      assertThat(r.parent()).isEqualTo("users");
    });
    assertThat(strategy.steps()).extracting(DeleteStep::kind, DeleteStep::table, DeleteStep::column, DeleteStep::root)
        .containsExactly(
            tuple(DeleteStep.Kind.COPY, "posts", null, false),
            tuple(DeleteStep.Kind.DELETE, "posts", null, false),
            tuple(DeleteStep.Kind.NULLIFY, "sessions", "user_id", false),
            tuple(DeleteStep.Kind.DELETE, "users", null, true));
    assertThat(strategy.steps().get(0).sql().text(Dialect.H2)).isEqualTo("COPY POSTS ON H2");
    assertThat(strategy.steps().get(0).sql().text(Dialect.POSTGRESQL)).isEqualTo("COPY POSTS");
    assertThat(strategy.counts()).singleElement().satisfies(c -> assertThat(c.nullified()).isTrue());
  }

  @Test
  void aSchemaReadsItsTablesColumnsAndReservedNames() {
    CascadeSchema schema = CascadeSchema.of(
        "reserved", "order", Dialect.H2, Dialect.MYSQL,
        "table", "order", "order_trash", "trashed_at",
          "softDeleteColumn", "deleted_at",
          "key", "id", long.class,
          "column", "deleted_at", Instant.class,
        "relatedTable", "notes",
          "foreignKey", "order_id", Long.class,
            "filteredBy", "subject_type",
            "filteredBy", "kind");

    assertThat(schema.tables()).extracting(CascadeSchema.Table::name).containsExactly("order", "notes");
    CascadeSchema.Table order = schema.tables().get(0);
    assertThat(order.trashTable()).contains("order_trash");
    assertThat(order.softDeleteColumn()).contains("deleted_at");
    assertThat(order.columns()).extracting(CascadeSchema.Column::name, CascadeSchema.Column::javaType)
        .containsExactly(
            tuple("id", long.class),
            tuple("deleted_at", Instant.class));
    assertThat(schema.tables().get(1).foreignKeys())
        .extracting(CascadeSchema.Column::javaType, CascadeSchema.Column::filteredBy)
        .containsExactly(tuple(Long.class, List.of("subject_type", "kind")));
    assertThat(order.columns()).allSatisfy(column -> assertThat(column.filteredBy()).isEmpty());
    assertThat(schema.quote("order", Dialect.MYSQL)).isEqualTo("`order`");
    assertThat(schema.quote("order", Dialect.H2)).isEqualTo("\"order\"");
    assertThat(schema.quote("order", Dialect.POSTGRESQL)).isEqualTo("order");
  }

  @Test
  void aFilterFollowsAForeignKey() {
    assertThatThrownBy(() -> CascadeSchema.of("table", "notes", "notes_trash", "trashed_at",
            "key", "id", long.class, "filteredBy", "subject_type"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("filteredBy(\"subject_type\") follows no foreign key");
  }

  @Test
  void aRestoreReadsItsStepsInOrder() {
    TrashRestore trash = TrashRestore.of(
        "lookup", "LOOKUP",
        "restorable", "RESTORABLE",
        "scope", "SCOPE",
        "records", "RECORDS",
        "takenRoots", "TAKEN",
        "insertRoots", "users", "INSERT USERS",
        "insert", "posts", "INSERT POSTS",
        "relink", "posts", "RELINK POSTS",
        "purge", "posts", "PURGE POSTS",
        "purgeRoots", "users", "PURGE USERS",
        "count", "users", "COUNTED USERS");
    SoftRestore soft = SoftRestore.of(
        "lookup", "LOOKUP",
        "restorable", "RESTORABLE",
        "unmarkRoots", "users", "UNMARK USERS",
        "unmark", "posts", "UNMARK POSTS");

    assertThat(trash.lookup().text(Dialect.SQLITE)).isEqualTo("LOOKUP");
    assertThat(trash.nested()).isEmpty();
    assertThat(trash.steps()).extracting(RestoreStep::kind, RestoreStep::table)
        .containsExactly(
            tuple(RestoreStep.Kind.INSERT, "users"),
            tuple(RestoreStep.Kind.INSERT, "posts"),
            tuple(RestoreStep.Kind.RELINK, "posts"),
            tuple(RestoreStep.Kind.PURGE, "posts"),
            tuple(RestoreStep.Kind.PURGE, "users"));
    assertThat(soft.steps()).extracting(RestoreStep::table).containsExactly("users", "posts");
    assertThat(soft.steps()).extracting(RestoreStep::root).containsExactly(true, false);
  }

  @Test
  void aStepThisRuntimeDoesNotKnowIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> Strategy.of(DeleteStrategy.SOFT, "mark", "posts", "MARK", "archive", "posts", "X"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the generated code lists a step 'archive' in the SOFT strategy that this cascade-runtime"
            + " does not know; compile the models with the cascade-processor of the same version as"
            + " cascade-runtime");
  }

  @Test
  void aValueOfTheWrongKindOrAListCutShortIsRefused() {
    assertThatThrownBy(() -> CascadeSchema.of("key", "id", "long"))
        .hasMessage("the generated code's list of the schema has long at position 2 where this"
            + " cascade-runtime reads Class; compile the models with the cascade-processor of the same"
            + " version as cascade-runtime");
    assertThatThrownBy(() -> SoftRestore.of("lookup", 42))
        .hasMessageStartingWith("the generated code's list of the soft restore has 42 at position 1 where"
            + " this cascade-runtime reads a statement;");
    assertThatThrownBy(() -> TrashRestore.of("insert", "posts"))
        .hasMessageStartingWith("the generated code's list of the trash restore ends inside a step;");
  }

  @Test
  void aListWrittenInPartsReadsAsTheWholeList() {
    Strategy whole = Strategy.of(DeleteStrategy.PERMANENT,
        "delete", "comments", "DELETE COMMENTS",
        "delete", "posts", "DELETE POSTS",
        "deleteRoots", "users", "DELETE USERS");

    Strategy inParts = Strategy.of(DeleteStrategy.PERMANENT, StepList.joined(
        new Object[] {"delete", "comments", "DELETE COMMENTS", "delete"},
        new Object[] {},
        new Object[] {"posts", "DELETE POSTS", "deleteRoots", "users", "DELETE USERS"}));

    assertThat(inParts.steps()).extracting(DeleteStep::kind, DeleteStep::table, DeleteStep::root)
        .containsExactly(
            tuple(DeleteStep.Kind.DELETE, "comments", false),
            tuple(DeleteStep.Kind.DELETE, "posts", false),
            tuple(DeleteStep.Kind.DELETE, "users", true))
        .isEqualTo(whole.steps().stream().map(s -> tuple(s.kind(), s.table(), s.root())).toList());
    assertThat(inParts.steps()).extracting(s -> s.sql().text(Dialect.POSTGRESQL))
        .containsExactly("DELETE COMMENTS", "DELETE POSTS", "DELETE USERS");
  }
}
