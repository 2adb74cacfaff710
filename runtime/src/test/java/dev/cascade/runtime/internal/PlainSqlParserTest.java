package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jdbi.v3.core.statement.ParsedSql;
import org.junit.jupiter.api.Test;

/** Cascade's statements read as SQL reads them: parameters outside quotes, nothing else. */
class PlainSqlParserTest {
  private static ParsedSql parse(String sql) {
    return PlainSqlParser.INSTANCE.parse(sql, null);
  }

  @Test
  void namedParametersBecomeQuestionMarksInOrder() {
    ParsedSql parsed = parse("UPDATE t SET deleted_at = :deletedAt WHERE id IN (:ids0, :ids1) AND m = :deletedAt");

    assertThat(parsed.getSql()).isEqualTo("UPDATE t SET deleted_at = ? WHERE id IN (?, ?) AND m = ?");
    assertThat(parsed.getParameters().getParameterNames()).containsExactly("deletedAt", "ids0", "ids1", "deletedAt");
  }

  @Test
  void quotedTextCastsAndComparisonsStayAsTheyAre() {
    String sql =
        "SELECT 'it''s :not ? a parameter', \"odd:\"\"name?\", x::text, '\\' FROM t WHERE a <> :a AND b < '{}' AND c = :c";

    ParsedSql parsed = parse(sql);

    assertThat(parsed.getSql())
        .isEqualTo(
            "SELECT 'it''s :not ? a parameter', \"odd:\"\"name?\", x::text, '\\' FROM t WHERE a <> ? AND b < '{}' AND c = ?");
    assertThat(parsed.getParameters().getParameterNames()).containsExactly("a", "c");
  }

  @Test
  void questionMarksArePositional() {
    ParsedSql parsed = parse("SELECT name FROM pragma_table_info(?) WHERE x = ?::regclass");

    assertThat(parsed.getSql()).isEqualTo("SELECT name FROM pragma_table_info(?) WHERE x = ?::regclass");
    assertThat(parsed.getParameters().isPositional()).isTrue();
    assertThat(parsed.getParameters().getParameterCount()).isEqualTo(2);
  }

  @Test
  void aLongListOfLiteralsReadsInOnePass() {
    StringBuilder sql = new StringBuilder("DELETE FROM t WHERE m = :marker AND id IN (");
    for (int i = 0; i < 100_000; i++) {
      sql.append(i == 0 ? "" : ", ").append("'key ").append(i).append(" it''s'");
    }
    sql.append(")");

    ParsedSql parsed = parse(sql.toString());

    assertThat(parsed.getParameters().getParameterNames()).isEqualTo(List.of("marker"));
    assertThat(parsed.getSql()).isEqualTo(sql.toString().replace(":marker", "?"));
  }
}
