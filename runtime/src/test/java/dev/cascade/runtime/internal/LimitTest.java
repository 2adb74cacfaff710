package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.runtime.Dialect;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The limited forms of a statement, per database, as the integration tests run them. */
class LimitTest {
  private static final String CONDITION = "post_id IN (SELECT id FROM posts WHERE user_id IN (<ids>))";

  @Test
  void postgresqlPicksRowsByTheirTableAndAddress() {
    Limit.Limited delete = Limit.delete(Dialect.POSTGRESQL, "comments", CONDITION, 500, Optional.empty(), Optional.empty());

    assertThat(delete.pick()).isEmpty();
    assertThat(delete.countsPicked()).isTrue();
    assertThat(delete.statement())
        .isEqualTo("WITH cascade_picked AS MATERIALIZED (SELECT tableoid, ctid FROM comments WHERE " + CONDITION + " LIMIT 500),"
            + " cascade_changed AS (DELETE FROM comments WHERE ctid = ANY(ARRAY(SELECT ctid FROM cascade_picked))"
            + " AND (tableoid, ctid) IN (SELECT tableoid, ctid FROM cascade_picked) RETURNING 1)"
            + " SELECT (SELECT COUNT(*) FROM cascade_changed), (SELECT COUNT(*) FROM cascade_picked)");
  }

  @Test
  void sqlitePicksRowsByRowid() {
    assertThat(Limit.update(Dialect.SQLITE, "comments", "deleted_at = :deletedAt", CONDITION, 500, Optional.empty(), Optional.empty()).statement())
        .isEqualTo("UPDATE comments SET deleted_at = :deletedAt WHERE rowid IN (SELECT rowid FROM comments WHERE "
            + CONDITION + " LIMIT 500)");
  }

  @Test
  void mysqlLimitsTheStatementOrPicksByKeyThroughADerivedTable() {
    assertThat(Limit.delete(Dialect.MYSQL, "comments", CONDITION, 500, Optional.empty(), Optional.empty()).statement())
        .isEqualTo("DELETE FROM comments WHERE " + CONDITION + " LIMIT 500");
    assertThat(Limit.delete(Dialect.MYSQL, "folders", "parent_id = 1", 500, Optional.of("id"), Optional.empty()).statement())
        .isEqualTo("DELETE FROM folders WHERE id IN (SELECT id FROM (SELECT folders.id FROM folders WHERE parent_id = 1"
            + " LIMIT 500) AS cascade_batch)");
  }

  @Test
  void h2PicksTheRowIdsFirstThenChangesThoseRowsLookingEachUpById() {
    Limit.Limited delete = Limit.delete(Dialect.H2, "comments", CONDITION, 500, Optional.empty(), Optional.empty());

    assertThat(delete.pick())
        .hasValue(
            "SELECT comments._ROWID_ FROM (SELECT DISTINCT cascade_key FROM (SELECT id FROM posts WHERE user_id IN (<ids>))"
                + " AS cascade_in (cascade_key)) AS cascade_keys JOIN comments ON comments.post_id = cascade_keys.cascade_key"
                + " LIMIT 500");
    assertThat(Limit.pick(Dialect.H2, "comments_trash", "original_table = 'comments' AND deletion_id IN (<markers>)", 500, Optional.empty()))
        .as("no IN over a query: the condition as it is")
        .hasValue("SELECT comments_trash._ROWID_ FROM comments_trash WHERE original_table = 'comments' AND deletion_id IN (<markers>) LIMIT 500");
    assertThat(delete.statement())
        .isEqualTo(
            "MERGE INTO comments USING (SELECT cascade_row FROM UNNEST(:cascadeRows) AS cascade_unnested (cascade_row))"
                + " AS cascade_picked ON comments._ROWID_ = cascade_picked.cascade_row WHEN MATCHED THEN DELETE");
    assertThat(Limit.update(Dialect.H2, "comments", "deleted_at = :deletedAt", CONDITION, 500, Optional.empty(), Optional.empty()).statement())
        .isEqualTo(
            "MERGE INTO comments USING (SELECT cascade_row FROM UNNEST(:cascadeRows) AS cascade_unnested (cascade_row))"
                + " AS cascade_picked ON comments._ROWID_ = cascade_picked.cascade_row WHEN MATCHED THEN UPDATE SET deleted_at = :deletedAt");
    assertThat(Limit.pickedRows("comments", Optional.empty()))
        .isEqualTo(
            "UNNEST(:cascadeRows) AS cascade_picked (cascade_row) LEFT JOIN comments"
                + " ON comments._ROWID_ = cascade_picked.cascade_row WHERE comments._ROWID_ IS NOT NULL");
  }

  /**
   * Where the table's key is a number, H2 picks the rows by it and looks them up by it, through the
   * key's index: by {@code _ROWID_} it went through the table's other indexes, read whole for every
   * row (trial 26: 130 s for a batch of 10,000 of 200,000 comments indexed on their foreign keys).
   */
  @Test
  void h2PicksAndLooksRowsUpByANumberKey() {
    Limit.Limited delete = Limit.delete(Dialect.H2, "comments", CONDITION, 500, Optional.empty(), Optional.of("id"));

    assertThat(delete.pick())
        .hasValue(
            "SELECT comments.id FROM (SELECT DISTINCT cascade_key FROM (SELECT id FROM posts WHERE user_id IN (<ids>))"
                + " AS cascade_in (cascade_key)) AS cascade_keys JOIN comments ON comments.post_id = cascade_keys.cascade_key"
                + " LIMIT 500");
    assertThat(delete.statement())
        .isEqualTo(
            "MERGE INTO comments USING (SELECT cascade_row FROM UNNEST(:cascadeRows) AS cascade_unnested (cascade_row))"
                + " AS cascade_picked ON comments.id = cascade_picked.cascade_row WHEN MATCHED THEN DELETE");
    assertThat(Limit.pick(Dialect.H2, "\"order\"", "customer_id = 1", 500, Optional.of("id")))
        .hasValue("SELECT \"order\".id FROM \"order\" WHERE customer_id = 1 LIMIT 500");
    assertThat(Limit.pickedRows("comments", Optional.of("id")))
        .isEqualTo(
            "UNNEST(:cascadeRows) AS cascade_picked (cascade_row) LEFT JOIN comments"
                + " ON comments.id = cascade_picked.cascade_row WHERE comments.id IS NOT NULL");
  }

  /**
   * A purge of a trash table on H2 picks keys and deletes every copy of them its condition takes: a
   * key is not unique there, and by {@code _ROWID_} H2 went through the trash table's other indexes.
   */
  @Test
  void h2PurgesTrashCopiesByKeyAndCondition() {
    String condition = "deletion_id IN (<ids>)";
    Limit.Limited purge = Limit.deleteCopies(Dialect.H2, "comments_trash", condition, 500, Optional.of("id"));

    assertThat(purge.pick()).hasValue("SELECT DISTINCT comments_trash.id FROM comments_trash WHERE deletion_id IN (<ids>) LIMIT 500");
    assertThat(purge.statement())
        .isEqualTo(
            "MERGE INTO comments_trash USING (SELECT cascade_row FROM UNNEST(:cascadeRows) AS cascade_unnested (cascade_row))"
                + " AS cascade_picked ON comments_trash.id = cascade_picked.cascade_row AND deletion_id IN (<ids>)"
                + " WHEN MATCHED THEN DELETE");
    assertThat(Limit.deleteCopies(Dialect.H2, "tags_trash", condition, 500, Optional.empty()))
        .as("no key: by _ROWID_")
        .isEqualTo(Limit.delete(Dialect.H2, "tags_trash", condition, 500, Optional.empty(), Optional.empty()));
    assertThat(Limit.deleteCopies(Dialect.SQLITE, "comments_trash", condition, 500, Optional.of("id")))
        .isEqualTo(Limit.delete(Dialect.SQLITE, "comments_trash", condition, 500, Optional.empty(), Optional.of("id")));
  }
}
