package dev.cascade.processor.read;

import static com.google.common.truth.Truth.assertThat;

import dev.cascade.processor.model.WhereCondition;
import dev.cascade.processor.model.WhereCondition.And;
import dev.cascade.processor.model.WhereCondition.Bool;
import dev.cascade.processor.model.WhereCondition.Column;
import dev.cascade.processor.model.WhereCondition.Comparison;
import dev.cascade.processor.model.WhereCondition.In;
import dev.cascade.processor.model.WhereCondition.IsNull;
import dev.cascade.processor.model.WhereCondition.Literal;
import dev.cascade.processor.model.WhereCondition.Not;
import dev.cascade.processor.model.WhereCondition.Numeric;
import dev.cascade.processor.model.WhereCondition.Operator;
import dev.cascade.processor.model.WhereCondition.Or;
import dev.cascade.processor.model.WhereCondition.Text;
import dev.cascade.processor.read.WhereParser.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading {@code where}: the grammar, its canonical rendering, and refusals with a position. */
class WhereParserTest {

  private static WhereCondition parsed(String where) {
    Result result = WhereParser.parse(where);
    assertThat(result).isInstanceOf(Result.Parsed.class);
    return ((Result.Parsed) result).condition();
  }

  private static Result.Failed failed(String where) {
    Result result = WhereParser.parse(where);
    assertThat(result).isInstanceOf(Result.Failed.class);
    return (Result.Failed) result;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          subject_type = 'post'                       | subject_type = 'post'
          SUBJECT_TYPE='post'                         | SUBJECT_TYPE = 'post'
          'post' = subject_type                       | 'post' = subject_type
          a != 1                                      | a <> 1
          a <> 1 and b < 2 AND c <= 3                 | a <> 1 AND b < 2 AND c <= 3
          a > 1 Or b >= 2                             | a > 1 OR b >= 2
          kind in ('a','b',  'c')                     | kind IN ('a', 'b', 'c')
          kind NOT IN (1, -2, +3.25)                  | kind NOT IN (1, -2, +3.25)
          parent_id is null                           | parent_id IS NULL
          parent_id Is Not Null                       | parent_id IS NOT NULL
          flag = true or other = False                | flag = TRUE OR other = FALSE
          price = 1.50                                | price = 1.50
          note = 'it''s'                              | note = 'it''s'
          note = ''                                   | note = ''
          note = 'a AND b OR (c)'                     | note = 'a AND b OR (c)'
          not a = 1                                   | NOT (a = 1)
          not not a = 1                               | NOT (NOT (a = 1))
          NOT (a = 1 OR b = 2) and c = 3              | NOT (a = 1 OR b = 2) AND c = 3
          ((a = 1))                                   | a = 1
          a = 1 or b = 2 and c = 3                    | a = 1 OR b = 2 AND c = 3
          (a = 1 or b = 2) and c = 3                  | (a = 1 OR b = 2) AND c = 3
          a = 1 and (b = 2 or c = 3) and d = 4        | a = 1 AND (b = 2 OR c = 3) AND d = 4
          (a = 1 and b = 2) or c = 3                  | a = 1 AND b = 2 OR c = 3
          a = 1 and (b = 2 and c = 3)                 | a = 1 AND b = 2 AND c = 3
          (a = 1 or b = 2) or (c = 3 or d = 4)        | a = 1 OR b = 2 OR c = 3 OR d = 4
          a=1 AND(b=2)                                | a = 1 AND b = 2
          "order" = 'x'                               | order = 'x'
          "In" in ('x')                               | In IN ('x')
          """)
  void readsAndRendersCanonically(String where, String canonical) {
    WhereCondition condition = parsed(where);

    assertThat(condition.render()).isEqualTo(canonical);
    assertRendersToItself(condition);
  }

  /** What the planner prints, with its columns quoted, reads back as the same condition. */
  private static void assertRendersToItself(WhereCondition condition) {
    assertThat(parsed(condition.render(WhereParserTest::doubleQuoted))).isEqualTo(condition);
  }

  private static String doubleQuoted(String name) {
    return "\"" + name + "\"";
  }

  @Test
  void anyWhitespaceSeparates() {
    assertThat(parsed("  a\t=\n1\r\nAND\tb IS\nNULL  ").render()).isEqualTo("a = 1 AND b IS NULL");
  }

  @Test
  void anEmptyConditionIsRefusedAtItsStart() {
    for (String where : List.of("", "   ", "\n")) {
      Result.Failed failure = failed(where);
      assertThat(failure.reason()).isEqualTo("the condition is empty");
      assertThat(failure.offset()).isEqualTo(0);
    }
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(parsed("a = 1 or b = 2 and c = 3"))
        .isEqualTo(
            new Or(
                List.of(
                    eq("a", "1"),
                    new And(List.of(eq("b", "2"), eq("c", "3"))))));
  }

  @Test
  void parenthesesRegroup() {
    assertThat(parsed("(a = 1 or b = 2) and c = 3"))
        .isEqualTo(
            new And(
                List.of(
                    new Or(List.of(eq("a", "1"), eq("b", "2"))),
                    eq("c", "3"))));
  }

  @Test
  void aStringKeepsItsQuotesUnescapedInTheTree() {
    assertThat(parsed("note = 'it''s ''x'''"))
        .isEqualTo(new Comparison(new Column("note"), Operator.EQUAL, new Text("it's 'x'")));
  }

  @Test
  void quotedColumnsAreRenderedThroughTheQuotingFunction() {
    WhereCondition condition = parsed("\"order\" = 'x' AND \"value\" IN (1, 2)");

    assertThat(condition.columns()).containsExactly("order", "value").inOrder();
    assertThat(condition.render(name -> "`" + name + "`"))
        .isEqualTo("`order` = 'x' AND `value` IN (1, 2)");
  }

  @Test
  void columnsAreTheIdentifiersInOrder() {
    assertThat(parsed("'t' = kind and (parent_id in (1) or KIND is null)").columns())
        .containsExactly("kind", "parent_id", "KIND")
        .inOrder();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          subject_type =                  | 14 | expected a literal ('text', a number, TRUE or FALSE) after =, found the end
          subject_type == 'x'             | 13 | == is not SQL, write =
          name like 'x%'                  | 5  | expected =, <>, !=, <, <=, >, >=, IN, NOT IN or IS after column name, found `like`
          lower(name) = 'x'               | 5  | expected =, <>, !=, <, <=, >, >=, IN, NOT IN or IS after column lower, found `(`
          a between 1 and 2               | 2  | found `between`
          active                          | 6  | after column active, found the end
          a = 1 and                       | 9  | expected a column, a literal, NOT or (, found the end
          a = 1 b = 2                     | 6  | expected AND, OR or the end, found `b`
          (a = 1                          | 6  | expected ) to close the ( at character 1, found the end
          a = 1)                          | 5  | this ) closes no (
          a = b                           | 4  | compare a column with a literal, not with another column
          1 = 1                           | 4  | compare a column with a literal, not two literals
          'x' = null                      | 6  | NULL can only be tested as column IS NULL or IS NOT NULL
          'x' a                           | 4  | expected =, <>, !=, <, <=, >, >= after a literal, found `a`
          a = null                        | 4  | nothing is = NULL, write IS NULL or IS NOT NULL
          a <> NULL                       | 5  | nothing is <> NULL, write IS NULL or IS NOT NULL
          null is null                    | 0  | NULL can only be tested as column IS NULL or IS NOT NULL
          a in (1, null)                  | 9  | NULL in an IN list matches no row, test it with column IS NULL
          a in 1                          | 5  | expected ( after IN, found `1`
          a in ()                         | 6  | expected a literal ('text', a number, TRUE or FALSE) in the IN list, found `)`
          a in (1 2)                      | 8  | expected , or ) in the IN list, found `2`
          a not like 'x'                  | 6  | expected IN after NOT, found `like`
          a is 1                          | 5  | expected NULL or NOT NULL after IS, found `1`
          a is not true                   | 9  | expected NULL or NOT NULL after IS, found `true`
          in = 1                          | 0  | expected a column, a literal, NOT or (, found `in`
          a = 'x                          | 4  | this string is not closed with '
          a = 'C:\\temp'                  | 7  | a backslash in a string means different things on different databases, so leave it out
          "a b" = 1                       | 0  | a quoted column must be a plain identifier: letters, digits and _, not starting with a digit
          "" = 1                          | 0  | a quoted column must be a plain identifier
          "a = 1                          | 0  | this quoted column is not closed with "
          a = :type                       | 4  | bind parameters cannot be used: where is a constant condition
          a = ?                           | 4  | bind parameters cannot be used
          a = 1 -- note                   | 6  | comments cannot be used in where
          a = 1 /* note */                | 6  | comments cannot be used in where
          a = 1; drop table x             | 5  | where is one condition, without ;
          a = 1.                          | 6  | expected a digit after the decimal point
          a = 1.2.3                       | 4  | a number is digits with an optional decimal part
          a = 1e5                         | 4  | a number is digits with an optional decimal part
          2fa = 1                         | 0  | a column may not start with a digit
          a = - 1                         | 4  | expected digits right after -
          a ! 1                           | 2  | expected != or <>, found `!`
          a = é                           | 4  | unexpected character `é`
          a.b = 1                         | 1  | unexpected character `.`
          """)
  void refusesWhatIsOutsideTheGrammarWithWhereAndWhy(String where, int offset, String reason) {
    Result.Failed failure = failed(where);

    assertThat(failure.reason()).contains(reason);
    assertThat(failure.offset()).isEqualTo(offset);
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    Result.Failed failure = failed("(".repeat(100_000) + "a = 1" + ")".repeat(100_000));

    assertThat(failure.reason()).isEqualTo("the condition is nested too deeply");
    assertThat(failure.offset()).isEqualTo(65);
    assertThat(failed("NOT ".repeat(10_000) + "a = 1").reason())
        .isEqualTo("the condition is nested too deeply");
  }

  @Test
  void neverThrowsForAnyText() {
    String alphabet = "ab_1.-+'\"()=<>!, \tINOTANDORISNULLTRUE\\:;é";
    Random random = new Random(17);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder where = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        where.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      checkAnswer(where.toString());
    }
  }

  @Test
  void everyRenderedTreeReadsBackAsTheSameTree() {
    Random random = new Random(17);
    for (int i = 0; i < 5_000; i++) {
      WhereCondition condition = randomCondition(random, 0, null);
      String rendered = condition.render(WhereParserTest::doubleQuoted);

      assertThat(parsed(rendered)).isEqualTo(condition);
    }
  }

  /** A tree the parser can give: no AND directly inside an AND, nor OR inside an OR. */
  private static WhereCondition randomCondition(Random random, int depth, Class<?> parent) {
    int choice = random.nextInt(depth > 3 ? 4 : 7);
    Column column = new Column(List.of("a", "kind", "Parent_Id", "order", "in").get(random.nextInt(5)));
    return switch (choice) {
      case 0 -> random.nextBoolean()
          ? new Comparison(column, randomOperator(random), randomLiteral(random))
          : new Comparison(randomLiteral(random), randomOperator(random), column);
      case 1 -> new In(column, random.nextBoolean(), randomLiterals(random));
      case 2 -> new IsNull(column, random.nextBoolean());
      case 3 -> new Comparison(column, Operator.EQUAL, new Text("it's"));
      case 4 -> new Not(randomCondition(random, depth + 1, Not.class));
      default -> {
        boolean and = parent == Or.class || (parent != And.class && random.nextBoolean());
        List<WhereCondition> operands = new ArrayList<>();
        for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
          operands.add(randomCondition(random, depth + 1, and ? And.class : Or.class));
        }
        yield and ? new And(operands) : new Or(operands);
      }
    };
  }

  private static Operator randomOperator(Random random) {
    return Operator.values()[random.nextInt(Operator.values().length)];
  }

  private static List<Literal> randomLiterals(Random random) {
    List<Literal> literals = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      literals.add(randomLiteral(random));
    }
    return literals;
  }

  private static Literal randomLiteral(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> new Text(List.of("post", "", "a ''b", "x AND y", "(").get(random.nextInt(5)));
      case 1 -> new Numeric(List.of("0", "42", "-7", "+3", "1.50").get(random.nextInt(5)));
      case 2 -> new Bool(random.nextBoolean());
      default -> new Text("t" + random.nextInt(3));
    };
  }

  /** Checks what the parser answers for any text: a position inside it, or a stable tree. */
  private static void checkAnswer(String where) {
    Result result = WhereParser.parse(where);
    if (result instanceof Result.Failed failure) {
      assertThat(failure.offset()).isAtLeast(0);
      assertThat(failure.offset()).isAtMost(where.length());
      assertThat(failure.reason()).isNotEmpty();
    } else {
      assertRendersToItself(((Result.Parsed) result).condition());
    }
  }

  private static WhereCondition eq(String column, String number) {
    return new Comparison(new Column(column), Operator.EQUAL, new Numeric(number));
  }
}
