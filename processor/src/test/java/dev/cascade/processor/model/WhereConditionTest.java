package dev.cascade.processor.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cascade.processor.model.WhereCondition.And;
import dev.cascade.processor.model.WhereCondition.Bool;
import dev.cascade.processor.model.WhereCondition.Column;
import dev.cascade.processor.model.WhereCondition.Comparison;
import dev.cascade.processor.model.WhereCondition.In;
import dev.cascade.processor.model.WhereCondition.IsNull;
import dev.cascade.processor.model.WhereCondition.Not;
import dev.cascade.processor.model.WhereCondition.Numeric;
import dev.cascade.processor.model.WhereCondition.Operator;
import dev.cascade.processor.model.WhereCondition.Or;
import dev.cascade.processor.model.WhereCondition.Text;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Rendering a {@code where} built by hand: exact, deterministic SQL. */
class WhereConditionTest {
  private static final UnaryOperator<String> DOUBLE_QUOTES = name -> "\"" + name + "\"";

  private static WhereCondition equal(String column, String text) {
    return new Comparison(new Column(column), Operator.EQUAL, new Text(text));
  }

  @Test
  void everyColumnGoesThroughTheQuotingFunctionAndNoLiteralDoes() {
    WhereCondition condition =
        new And(
            List.of(
                equal("order", "group"),
                new In(new Column("value"), false, List.of(new Text("a"), new Numeric("1"))),
                new IsNull(new Column("deleted_at"), true)));

    assertThat(condition.render(DOUBLE_QUOTES))
        .isEqualTo(
            "\"order\" = 'group' AND \"value\" IN ('a', 1) AND \"deleted_at\" IS NOT NULL");
    assertThat(condition.render())
        .isEqualTo("order = 'group' AND value IN ('a', 1) AND deleted_at IS NOT NULL");
  }

  @Test
  void anOrInsideAnAndIsParenthesizedAndAnAndInsideAnOrIsNot() {
    WhereCondition orInAnd =
        new And(List.of(new Or(List.of(equal("a", "x"), equal("b", "y"))), equal("c", "z")));
    WhereCondition andInOr =
        new Or(List.of(new And(List.of(equal("a", "x"), equal("b", "y"))), equal("c", "z")));

    assertThat(orInAnd.render()).isEqualTo("(a = 'x' OR b = 'y') AND c = 'z'");
    assertThat(andInOr.render()).isEqualTo("a = 'x' AND b = 'y' OR c = 'z'");
  }

  @Test
  void notAlwaysParenthesizesItsOperand() {
    assertThat(new Not(equal("a", "x")).render()).isEqualTo("NOT (a = 'x')");
    assertThat(new Not(new Not(new IsNull(new Column("a"), false))).render())
        .isEqualTo("NOT (NOT (a IS NULL))");
    WhereCondition notOr = new Not(new Or(List.of(equal("a", "x"), equal("b", "y"))));
    assertThat(new And(List.of(notOr, equal("c", "z"))).render())
        .isEqualTo("NOT (a = 'x' OR b = 'y') AND c = 'z'");
  }

  @Test
  void literalsArePrintedAsWrittenWithQuotesDoubled() {
    assertThat(equal("note", "it's 'quoted'").render()).isEqualTo("note = 'it''s ''quoted'''");
    assertThat(equal("note", "").render()).isEqualTo("note = ''");
    assertThat(
            new Comparison(new Column("price"), Operator.GREATER_OR_EQUAL, new Numeric("-1.50"))
                .render())
        .isEqualTo("price >= -1.50");
    assertThat(new Comparison(new Column("n"), Operator.LESS, new Numeric("+7")).render())
        .isEqualTo("n < +7");
    assertThat(new Comparison(new Column("active"), Operator.NOT_EQUAL, new Bool(false)).render())
        .isEqualTo("active <> FALSE");
  }

  @Test
  void aLiteralOnTheLeftStaysOnTheLeft() {
    WhereCondition condition =
        new Comparison(new Text("post"), Operator.EQUAL, new Column("subject_type"));

    assertThat(condition.render(DOUBLE_QUOTES)).isEqualTo("'post' = \"subject_type\"");
    assertThat(condition.columns()).containsExactly("subject_type");
  }

  @Test
  void everyOperatorHasItsSql() {
    assertThat(List.of(Operator.values()).stream().map(Operator::sql).toList())
        .containsExactly("=", "<>", "<", "<=", ">", ">=")
        .inOrder();
  }

  @Test
  void columnsAreListedInTheOrderWrittenOncePerOccurrence() {
    WhereCondition condition =
        new Or(
            List.of(
                new And(List.of(equal("kind", "a"), new IsNull(new Column("parent_id"), false))),
                new Not(new In(new Column("kind"), true, List.of(new Numeric("2"))))));

    assertThat(condition.columns()).containsExactly("kind", "parent_id", "kind").inOrder();
  }

  @Test
  void malformedTreesAreProgrammingErrors() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Comparison(new Text("a"), Operator.EQUAL, new Text("b")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Comparison(new Column("a"), Operator.EQUAL, new Column("b")));
    assertThrows(IllegalArgumentException.class, () -> new Or(List.of(equal("a", "x"))));
    assertThrows(IllegalArgumentException.class, () -> new And(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new In(new Column("a"), false, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Column("sub type"));
    assertThrows(IllegalArgumentException.class, () -> new Column("2fa"));
    assertThrows(IllegalArgumentException.class, () -> new Numeric("1e5"));
    assertThrows(IllegalArgumentException.class, () -> new Numeric("1."));
  }
}
