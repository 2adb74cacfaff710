package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which conditions H2's batches read as a join, and how they are cut. */
class InSubqueryTest {
  @Test
  void anInOverAQueryIsCutFromTheConditionsAndedAfterIt() {
    String query = "SELECT timesheets.id FROM (WITH RECURSIVE t (k) AS (SELECT 1) SELECT k FROM t) AS keys JOIN timesheets ON (x = ')')";

    assertThat(InSubquery.of("subject_id IN (" + query + ") AND (subject_type = 'time(sheet')"))
        .hasValue(new InSubquery("subject_id", query, "(subject_type = 'time(sheet')"));
    assertThat(InSubquery.of("\"key\" IN (" + query + ")")).hasValue(new InSubquery("\"key\"", query, ""));
    assertThat(InSubquery.of("employees.id IN (WITH RECURSIVE t (k) AS (SELECT 1) SELECT k FROM t)"))
        .hasValue(new InSubquery("employees.id", "WITH RECURSIVE t (k) AS (SELECT 1) SELECT k FROM t", ""));
    assertThat(InSubquery.of("deleted_at IS NULL AND folder_id IN (SELECT id FROM t) AND NOT EXISTS (SELECT 1 FROM u)"))
        .as("the first IN over a query among others")
        .hasValue(new InSubquery("folder_id", "SELECT id FROM t", "deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM u)"));
  }

  @Test
  void anythingElseIsLeftAsItIs() {
    assertThat(InSubquery.of("id IN (<ids>)")).as("no query").isEmpty();
    assertThat(InSubquery.of("(a, b) IN (SELECT a, b FROM t)")).as("a pair").isEmpty();
    assertThat(InSubquery.of("id IN (SELECT id FROM t) + 1 = 2")).as("more after the parenthesis").isEmpty();
    assertThat(InSubquery.of("id IN (SELECT id FROM t) OR (kind = 'a')")).as("an OR after it").isEmpty();
    assertThat(InSubquery.of("(kind = 'a') OR id IN (SELECT id FROM t)")).as("an OR before it").isEmpty();
    assertThat(InSubquery.of("id IN (SELECT id FROM t) AND (kind = 'a') OR (kind = 'b')")).as("an OR after an AND").isEmpty();
    assertThat(InSubquery.of("id IN (SELECT id FROM t WHERE x = 'unclosed")).as("unbalanced").isEmpty();
    assertThat(InSubquery.of("deletion_id IN (<markers>)<only-named> AND id IN (SELECT id FROM t) AND x = 1</only-named>"))
        .as("a term inside a part the runtime may cut").isEmpty();
  }

  @Test
  void theRowIdsAreReadThroughTheDistinctKeysOfTheQuery() {
    assertThat(new InSubquery("subject_id", "SELECT id FROM timesheets", "(subject_type = 'timesheet')").rowIdsOf("notes", "notes._ROWID_"))
        .isEqualTo("SELECT notes._ROWID_ FROM (SELECT DISTINCT cascade_key FROM (SELECT id FROM timesheets)"
            + " AS cascade_in (cascade_key)) AS cascade_keys JOIN notes ON notes.subject_id = cascade_keys.cascade_key"
            + " WHERE (subject_type = 'timesheet')");
    assertThat(new InSubquery("\"user\".id", "SELECT 1", "").rowIdsOf("\"user\"", "\"user\"._ROWID_"))
        .isEqualTo("SELECT \"user\"._ROWID_ FROM (SELECT DISTINCT cascade_key FROM (SELECT 1) AS cascade_in (cascade_key))"
            + " AS cascade_keys JOIN \"user\" ON \"user\".id = cascade_keys.cascade_key");
  }
}
