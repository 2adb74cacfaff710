package dev.cascade.processor.plan;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.cascade.annotations.OnDelete.CASCADE;
import static dev.cascade.processor.plan.Models.foreignKey;
import static dev.cascade.processor.plan.Models.hasMany;
import static dev.cascade.processor.plan.Models.id;
import static dev.cascade.processor.plan.Models.model;
import static dev.cascade.processor.plan.Models.text;

import com.palantir.javapoet.TypeName;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quoting per dialect, and merging each dialect's SQL into as few constants as possible. */
class DialectVariantsTest {
  private static final List<Dialect> ALL = List.of(Dialect.values());

  @Test
  void reservedWordsAreQuotedTheWayEachDialectQuotes() {
    assertThat(quoted("order"))
        .containsExactly(
            Dialect.H2, "\"order\"",
            Dialect.POSTGRESQL, "\"order\"",
            Dialect.SQLITE, "\"order\"",
            Dialect.MYSQL, "`order`");
    assertThat(quoted("users"))
        .containsExactly(
            Dialect.H2, "users", Dialect.POSTGRESQL, "users", Dialect.SQLITE, "users", Dialect.MYSQL, "users");
  }

  @Test
  void aWordIsQuotedOnlyWhereItIsReserved() {
    // H2 folds unquoted names to upper case, so quoting a word it does not reserve would break it.
    assertThat(quoted("value"))
        .containsExactly(
            Dialect.H2, "\"value\"", Dialect.POSTGRESQL, "value", Dialect.SQLITE, "value", Dialect.MYSQL, "value");
    assertThat(quoted("rank"))
        .containsExactly(
            Dialect.H2, "rank", Dialect.POSTGRESQL, "rank", Dialect.SQLITE, "rank", Dialect.MYSQL, "`rank`");
  }

  @Test
  void constantsEveryDialectWritesAlikeAreMergedIntoOne() {
    ModelSpec users = model("User", "users", id(), text("name")).withHasMany(hasMany("User", "Post", CASCADE));
    ModelSpec posts = model("Post", "posts", id(), foreignKey("user_id", "User"), text("title"));

    Map<Dialect, SqlProgram> programs = programs(users, users, posts);
    List<MergedConstant> merged = DialectVariants.merge(programs);

    assertThat(merged.stream().map(MergedConstant::name).toList())
        .containsExactlyElementsIn(
            programs.get(Dialect.H2).constants().stream().map(SqlConstant::name).toList())
        .inOrder();
    for (MergedConstant constant : merged) {
      assertWithMessage(constant.name()).that(constant.variants()).hasSize(1);
      assertThat(constant.defaultVariant().field()).isEqualTo(constant.name());
      assertThat(constant.defaultVariant().dialects()).containsExactlyElementsIn(ALL).inOrder();
    }
    assertRendersLikeEachDialect(programs, merged);
  }

  @Test
  void reservedTableGetsAMysqlVariantOnlyWhereTheTextDiffers() {
    ModelSpec customers =
        model("Customer", "customers", id()).withHasMany(hasMany("Customer", "Order", CASCADE));
    ModelSpec orders =
        model("Order", "order", id(), foreignKey("customer_id", "Customer"))
            .withHasMany(hasMany("Order", "OrderLine", CASCADE));
    ModelSpec lines = model("OrderLine", "order_lines", id(), foreignKey("order_id", "Order"));

    Map<Dialect, SqlProgram> programs = programs(customers, customers, orders, lines);
    Map<String, MergedConstant> merged = byName(DialectVariants.merge(programs));

    assertThat(fields(merged.get("DELETE_CUSTOMERS"))).containsExactly("DELETE_CUSTOMERS", ALL);
    assertThat(fields(merged.get("DELETE_ORDER")))
        .containsExactly(
            "DELETE_ORDER", List.of(Dialect.H2, Dialect.POSTGRESQL, Dialect.SQLITE),
            "DELETE_ORDER_MYSQL", List.of(Dialect.MYSQL))
        .inOrder();
    // order_lines is not reserved, but its statement uses the ids of order, so it differs too,
    // and each variant refers to the matching variant of that subquery.
    MergedConstant deleteLines = merged.get("DELETE_ORDER_LINES");
    assertThat(fields(deleteLines).keySet())
        .containsExactly("DELETE_ORDER_LINES", "DELETE_ORDER_LINES_MYSQL")
        .inOrder();
    assertThat(deleteLines.variants().get(0).sql().parts())
        .contains(new SqlText.Part.Ref("ORDER_IN_CASCADE"));
    assertThat(deleteLines.variants().get(1).sql().parts())
        .contains(new SqlText.Part.Ref("ORDER_IN_CASCADE_MYSQL"));
    assertRendersLikeEachDialect(programs, List.copyOf(merged.values()));
  }

  @Test
  void wordReservedInSomeDialectsGivesOneVariantPerDistinctText() {
    // "key" is reserved by H2, SQLite and MySQL, not by PostgreSQL.
    ModelSpec settings =
        model("Setting", "settings", id(), ColumnSpec.of("key", "key", TypeName.get(String.class)));

    Map<Dialect, SqlProgram> programs = programs(settings, settings);
    Map<String, MergedConstant> merged = byName(DialectVariants.merge(programs));

    assertThat(fields(merged.get("SELECT_SETTINGS")))
        .containsExactly(
            "SELECT_SETTINGS", List.of(Dialect.H2, Dialect.SQLITE),
            "SELECT_SETTINGS_POSTGRESQL", List.of(Dialect.POSTGRESQL),
            "SELECT_SETTINGS_MYSQL", List.of(Dialect.MYSQL))
        .inOrder();
    assertThat(programs.get(Dialect.SQLITE).render("SELECT_SETTINGS"))
        .isEqualTo("SELECT id, \"key\" FROM settings WHERE id IN (<ids>)");
    assertThat(programs.get(Dialect.POSTGRESQL).render("SELECT_SETTINGS"))
        .isEqualTo("SELECT id, key FROM settings WHERE id IN (<ids>)");
    assertThat(programs.get(Dialect.MYSQL).render("SELECT_SETTINGS"))
        .isEqualTo("SELECT id, `key` FROM settings WHERE id IN (<ids>)");
    assertThat(fields(merged.get("DELETE_SETTINGS"))).containsExactly("DELETE_SETTINGS", ALL);
    assertRendersLikeEachDialect(programs, List.copyOf(merged.values()));
  }

  private static Map<Dialect, String> quoted(String identifier) {
    Map<Dialect, String> quoted = new EnumMap<>(Dialect.class);
    for (Dialect dialect : Dialect.values()) {
      quoted.put(dialect, dialect.quote(identifier));
    }
    return quoted;
  }

  private static Map<Dialect, SqlProgram> programs(ModelSpec root, ModelSpec... models) {
    DeletePlanner planner = new DeletePlanner(RelationGraph.of(List.of(models)));
    Map<Dialect, SqlProgram> programs = new EnumMap<>(Dialect.class);
    for (Dialect dialect : Dialect.values()) {
      programs.put(dialect, planner.plan(root, dialect).program());
    }
    return programs;
  }

  private static Map<String, MergedConstant> byName(List<MergedConstant> merged) {
    Map<String, MergedConstant> byName = new java.util.LinkedHashMap<>();
    merged.forEach(c -> byName.put(c.name(), c));
    return byName;
  }

  /** Each variant's field, with the dialects that use it, in order. */
  private static Map<String, List<Dialect>> fields(MergedConstant constant) {
    Map<String, List<Dialect>> fields = new java.util.LinkedHashMap<>();
    constant.variants().forEach(v -> fields.put(v.field(), v.dialects()));
    return fields;
  }

  /**
   * Whatever the merge named, each dialect must still run exactly the SQL planned for it: resolve
   * the variant a dialect uses, with its references, and compare.
   */
  private static void assertRendersLikeEachDialect(
      Map<Dialect, SqlProgram> programs, List<MergedConstant> merged) {
    Map<String, SqlText> byField = new HashMap<>();
    for (MergedConstant constant : merged) {
      for (SqlVariant variant : constant.variants()) {
        assertWithMessage("field %s declared twice", variant.field())
            .that(byField.put(variant.field(), variant.sql()))
            .isNull();
      }
    }
    for (MergedConstant constant : merged) {
      for (Dialect dialect : Dialect.values()) {
        SqlVariant used =
            constant.variants().stream()
                .filter(v -> v.dialects().contains(dialect))
                .reduce((a, b) -> {
                  throw new AssertionError(constant.name() + " has two variants for " + dialect);
                })
                .orElseThrow(() -> new AssertionError(constant.name() + " misses " + dialect));
        assertWithMessage("%s on %s", constant.name(), dialect)
            .that(used.sql().render(byField::get))
            .isEqualTo(programs.get(dialect).render(constant.name()));
      }
    }
  }
}
