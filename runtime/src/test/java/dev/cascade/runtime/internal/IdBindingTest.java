package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.runtime.CascadeSchema;
import dev.cascade.runtime.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@code <ids>} becomes and what reaches the driver, per database and key type, for short
 * lists (a parameter each) and long ones (one array or JSON parameter), with no database: the
 * statements run on {@link RecordingJdbc}.
 */
class IdBindingTest {
  private static final Sql DELETE = Sql.of("DELETE FROM t WHERE id IN (<ids>)");
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("f0000000-0000-0000-0000-00000000000b");

  private static final int LONG_LIST = IdBinding.ONE_PARAMETER_EACH_UP_TO + 1;

  /** The driver calls of one delete of these ids, and its SQL, on {@code dialect}. */
  private record Run(String sql, List<String> calls) {}

  private static Run delete(Dialect dialect, List<?> ids) {
    return run(dialect, ids, DELETE, Map.of());
  }

  private static Run run(Dialect dialect, List<?> ids, Sql sql, Map<String, Object> values) {
    RecordingJdbc jdbc = new RecordingJdbc();
    try (Handle handle = jdbc.open()) {
      new Statements(handle, dialect, CascadeSchema.builder().build(), Placeholders.of(dialect, Keys.of("t", ids)))
          .update(sql, values, "deleting from t");
    }
    return new Run(jdbc.prepared().get(0), jdbc.calls());
  }

  private static <T> List<T> many(IntFunction<T> id) {
    return IntStream.range(0, LONG_LIST).mapToObj(id).toList();
  }

  private static List<UUID> manyUuids() {
    return many(i -> new UUID(i, i));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aShortListGetsOneParameterPerIdOfTheKeysOwnType(Dialect dialect) {
    assertThat(delete(dialect, List.of(5L, 7L)))
        .isEqualTo(new Run("DELETE FROM t WHERE id IN (?, ?)", List.of("setLong(1, 5)", "setLong(2, 7)")));
    assertThat(delete(dialect, List.of(5, 7)).calls()).containsExactly("setInt(1, 5)", "setInt(2, 7)");
    assertThat(delete(dialect, List.of(A, B)).calls()).containsExactly("setObject(1, " + A + ")", "setObject(2, " + B + ")");
    assertThat(delete(dialect, List.of("FR", "DE")).calls()).containsExactly("setString(1, FR)", "setString(2, DE)");
  }

  @Test
  void aThousandIdsStillGetAParameterEach() {
    List<Long> thousand = longs(IdBinding.ONE_PARAMETER_EACH_UP_TO);
    for (Dialect dialect : Dialect.values()) {
      Run run = delete(dialect, thousand);
      assertThat(run.calls()).as("%s", dialect).hasSize(1_000).startsWith("setLong(1, 0)").endsWith("setLong(1000, 999)");
    }
  }

  @Test
  void h2KeepsAParameterPerIdUpToTenThousand() {
    Run run = delete(Dialect.H2, manyUuids());

    assertThat(run.calls()).hasSize(LONG_LIST).startsWith("setObject(1, " + new UUID(0, 0) + ")");
    assertThat(run.sql()).startsWith("DELETE FROM t WHERE id IN (?, ?, ").endsWith(", ?)");
  }

  @Test
  void h2GetsAVeryLongListAsLiteralsItKeepsInAHashSet() {
    int veryLong = IdBinding.H2_PARAMETERS_UP_TO + 1;
    List<UUID> manyUuids = new ArrayList<>();
    for (int i = 0; i < veryLong; i++) {
      manyUuids.add(new UUID(i, i));
    }
    Run uuids = delete(Dialect.H2, manyUuids);
    Run longs = delete(Dialect.H2, longs(veryLong));
    List<String> codes = new ArrayList<>();
    codes.add("it's");
    for (int i = 1; i < veryLong; i++) {
      codes.add("k" + i);
    }
    Run strings = delete(Dialect.H2, codes);

    assertThat(uuids.calls()).isEmpty();
    assertThat(uuids.sql())
        .startsWith("DELETE FROM t WHERE id IN ('" + new UUID(0, 0) + "', '" + new UUID(1, 1) + "', ")
        .endsWith("')");
    assertThat(longs.sql()).startsWith("DELETE FROM t WHERE id IN (0, 1, 2, ").endsWith(", " + (veryLong - 1) + ")");
    assertThat(strings.sql()).startsWith("DELETE FROM t WHERE id IN ('it''s', 'k1', 'k2', ");
    assertThat(strings.calls()).isEmpty();
  }

  @Test
  void postgresBindsALongListAsOneArrayOfTheKeysSqlType() {
    String any = "DELETE FROM t WHERE id = ANY(?)";

    Run uuids = delete(Dialect.POSTGRESQL, manyUuids());
    Run longs = delete(Dialect.POSTGRESQL, longs(LONG_LIST));
    Run ints = delete(Dialect.POSTGRESQL, many(i -> i));
    Run strings = delete(Dialect.POSTGRESQL, many(i -> "k" + i));

    assertThat(List.of(uuids.sql(), longs.sql(), ints.sql(), strings.sql())).containsOnly(any);
    assertThat(uuids.calls()).hasSize(2).first().asString().startsWith("createArrayOf(uuid[" + new UUID(0, 0) + ", ");
    assertThat(uuids.calls().get(1)).startsWith("setArray(1, uuid[");
    assertThat(longs.calls().get(0)).startsWith("createArrayOf(bigint[0, 1, 2, ");
    assertThat(ints.calls().get(0)).startsWith("createArrayOf(integer[0, 1, 2, ");
    assertThat(strings.calls().get(0)).startsWith("createArrayOf(varchar[k0, k1, ");
  }

  @Test
  void postgresReadsALongListAsAnArrayComparisonNotAJoin() {
    Sql sql = Sql.of("DELETE FROM t WHERE id IN (<ids>) OR (parent_id NOT IN (<ids>) AND root_id IN (<ids>))");

    Run run = run(Dialect.POSTGRESQL, longs(LONG_LIST), sql, Map.of());

    assertThat(run.sql()).isEqualTo("DELETE FROM t WHERE id = ANY(?) OR (parent_id <> ALL(?) AND root_id = ANY(?))");
    assertThat(run(Dialect.POSTGRESQL, longs(3), sql, Map.of()).sql())
        .as("a short list: a parameter each")
        .isEqualTo("DELETE FROM t WHERE id IN (?, ?, ?) OR (parent_id NOT IN (?, ?, ?) AND root_id IN (?, ?, ?))");
  }

  @Test
  void sqliteBindsALongListAsOneJsonArray() {
    Run uuids = delete(Dialect.SQLITE, manyUuids());
    Run ints = delete(Dialect.SQLITE, many(i -> i));

    assertThat(uuids.sql()).isEqualTo("DELETE FROM t WHERE id IN (SELECT value FROM json_each(?))");
    assertThat(uuids.calls()).singleElement().asString()
        .startsWith("setString(1, [\"" + new UUID(0, 0) + "\",\"" + new UUID(1, 1) + "\",")
        .endsWith(new UUID(LONG_LIST - 1, LONG_LIST - 1) + "\"])");
    assertThat(ints.calls()).singleElement().asString().startsWith("setString(1, [0,1,2,").endsWith(",1000])");
  }

  @Test
  void mysqlReadsALongListThroughAJsonTableColumnOfTheKeysType() {
    assertThat(delete(Dialect.MYSQL, longs(LONG_LIST)).sql()).contains("COLUMNS (cascade_id BIGINT PATH '$')");
    assertThat(delete(Dialect.MYSQL, many(i -> i)).sql()).contains("COLUMNS (cascade_id BIGINT PATH '$')");
    assertThat(delete(Dialect.MYSQL, manyUuids()).sql()).contains("COLUMNS (cascade_id CHAR(36) PATH '$')");
    assertThat(delete(Dialect.MYSQL, manyUuids()).calls()).singleElement().asString().startsWith("setString(1, [\"");
  }

  @Test
  void mysqlReadsStringKeysAsHexInAColumnAsWideAsTheLongest() {
    List<String> codes = new ArrayList<>(many(i -> "k" + i));
    codes.add("x".repeat(299) + "ü");

    Run run = delete(Dialect.MYSQL, codes);

    assertThat(run.sql())
        .isEqualTo("DELETE FROM t WHERE id IN (SELECT cascade_id FROM (SELECT DISTINCT CONVERT(UNHEX(cascade_hex) USING"
            + " utf8mb4) AS cascade_id FROM JSON_TABLE(?, '$[*]' COLUMNS (cascade_hex VARCHAR(602) PATH '$')) AS"
            + " cascade_json) AS cascade_ids)");
    assertThat(run.calls()).singleElement().asString().startsWith("setString(1, [\"6b30\",\"6b31\",")
        .endsWith("78c3bc\"])");
  }

  @Test
  void jsonEscapesQuotesBackslashesAndControlCharactersAndKeepsOtherText() {
    List<String> awkward = List.of("quo\"te", "back\\slash", "tab\there", "line\nbreak", "bell\u0007", "ünï 日本 \uD83D\uDE00", "[1,2]");
    List<String> codes = new ArrayList<>(awkward);
    codes.addAll(many(i -> "k" + i));

    String json = delete(Dialect.SQLITE, codes).calls().get(0);

    assertThat(json).startsWith(
        "setString(1, [\"quo\\\"te\",\"back\\\\slash\",\"tab\\u0009here\",\"line\\u000abreak\",\"bell\\u0007\","
            + "\"ünï 日本 \uD83D\uDE00\",\"[1,2]\",\"k0\",");
  }

  @Test
  void anEmptyListStandsForNoRow() {
    assertThat(new IdBinding(Dialect.POSTGRESQL, List.of()).placeholder()).isEqualTo("NULL");
  }

  @Test
  void aStatementThatNamesNoIdsBindsNone() {
    Run run = run(Dialect.POSTGRESQL, List.of(A), Sql.of("DELETE FROM t WHERE deleted_at IS NOT NULL"), Map.of());

    assertThat(run.calls()).isEmpty();
  }

  @Test
  void idsOfMixedIntegerWidthsBindAsLongs() {
    assertThat(delete(Dialect.H2, List.of(5, 7L)).calls()).containsExactly("setLong(1, 5)", "setLong(2, 7)");
    List<Object> mixed = new ArrayList<>(many(i -> (Object) i));
    mixed.set(3, 3L);
    assertThat(delete(Dialect.POSTGRESQL, mixed).calls().get(0)).startsWith("createArrayOf(bigint[0, 1, 2, 3, 4");
  }

  /** A null key is sent with its key's SQL type: PostgreSQL reads a null sent as VARCHAR as text. */
  @Test
  void aNullKeyIsBoundWithTheSqlTypeOfItsKey() {
    Sql insert = Sql.of("INSERT INTO t SELECT * FROM t_trash WHERE NOT COALESCE(id = :reusedKey, FALSE)");
    Map<Dialect, List<String>> uuidNulls = new java.util.EnumMap<>(Dialect.class);
    for (Dialect dialect : Dialect.values()) {
      uuidNulls.put(dialect, run(dialect, List.of(A), insert, Map.of("reusedKey", new Statements.Typed(null, UUID.class))).calls());
    }

    assertThat(uuidNulls.get(Dialect.POSTGRESQL)).containsExactly("setNull(1, " + java.sql.Types.OTHER + ")");
    for (Dialect dialect : List.of(Dialect.H2, Dialect.SQLITE, Dialect.MYSQL)) {
      assertThat(uuidNulls.get(dialect)).as("%s", dialect).containsExactly("setNull(1, " + java.sql.Types.VARCHAR + ")");
    }
    assertThat(run(Dialect.POSTGRESQL, List.of(1L), insert, Map.of("reusedKey", new Statements.Typed(null, Long.class))).calls())
        .containsExactly("setNull(1, " + java.sql.Types.BIGINT + ")");
    assertThat(run(Dialect.POSTGRESQL, List.of(1), insert, Map.of("reusedKey", new Statements.Typed(null, Integer.class))).calls())
        .containsExactly("setNull(1, " + java.sql.Types.INTEGER + ")");
    assertThat(run(Dialect.POSTGRESQL, List.of("FR"), insert, Map.of("reusedKey", new Statements.Typed(null, String.class))).calls())
        .containsExactly("setNull(1, " + java.sql.Types.VARCHAR + ")");
    assertThat(run(Dialect.POSTGRESQL, List.of(A), insert, Map.of("reusedKey", new Statements.Typed(B, UUID.class))).calls())
        .containsExactly("setObject(1, " + B + ")");
  }

  private static List<Long> longs(int count) {
    return java.util.stream.LongStream.range(0, count).boxed().collect(Collectors.toList());
  }
}
