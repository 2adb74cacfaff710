package dev.cascade.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code where} of a {@code @HasMany}, read: a constant condition on the child's rows, built of
 * comparisons of a column with a literal, {@code IN} lists and {@code IS [NOT] NULL}, joined by
 * {@code AND}, {@code OR} and {@code NOT}. {@code read.WhereParser} builds it from the text the
 * user wrote.
 *
 * <p>{@link #render} prints it back as canonical SQL: keywords in upper case, one space around
 * operators, {@code !=} as {@code <>}, literals exactly as written, every column through the
 * given quoting function, and parentheses only where SQL needs them (an {@code OR} inside an
 * {@code AND}) and around the operand of {@code NOT}, which some databases (MySQL's {@code
 * HIGH_NOT_PRECEDENCE}) would otherwise bind tighter than a comparison. The result is one whole
 * condition: put it in parentheses to combine it with another.
 */
public sealed interface WhereCondition {

  /** The columns the condition names, in the order written, once per occurrence. */
  List<String> columns();

  /** Canonical SQL, with every column name passed through {@code quoteIdentifier}. */
  String render(UnaryOperator<String> quoteIdentifier);

  /** Canonical SQL with the column names as they are. */
  default String render() {
    return render(UnaryOperator.identity());
  }

  /** {@code a OR b OR ...}: two operands or more. */
  record Or(List<WhereCondition> operands) implements WhereCondition {
    public Or {
      operands = atLeastTwo(operands, "OR");
    }

    @Override
    public List<String> columns() {
      return columnsOf(operands);
    }

    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      return operands.stream()
          .map(o -> o.render(quoteIdentifier))
          .collect(Collectors.joining(" OR "));
    }
  }

  /** {@code a AND b AND ...}: two operands or more; an {@code OR} among them is parenthesized. */
  record And(List<WhereCondition> operands) implements WhereCondition {
    public And {
      operands = atLeastTwo(operands, "AND");
    }

    @Override
    public List<String> columns() {
      return columnsOf(operands);
    }

    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      List<String> rendered = new ArrayList<>();
      for (WhereCondition operand : operands) {
        String sql = operand.render(quoteIdentifier);
        rendered.add(operand instanceof Or ? "(" + sql + ")" : sql);
      }
      return String.join(" AND ", rendered);
    }
  }

  /** {@code NOT (a)}. */
  record Not(WhereCondition operand) implements WhereCondition {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public List<String> columns() {
      return operand.columns();
    }

    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      return "NOT (" + operand.render(quoteIdentifier) + ")";
    }
  }

  /** {@code column op literal} or {@code literal op column}: exactly one side is a column. */
  record Comparison(Operand left, Operator operator, Operand right) implements WhereCondition {
    public Comparison {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(right, "right");
      if ((left instanceof Column) == (right instanceof Column)) {
        throw new IllegalArgumentException(
            "a comparison has one column and one literal: " + left + " " + operator + " " + right);
      }
    }

    @Override
    public List<String> columns() {
      return List.of(left instanceof Column column ? column.name() : ((Column) right).name());
    }

    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      return left.render(quoteIdentifier)
          + " "
          + operator.sql()
          + " "
          + right.render(quoteIdentifier);
    }
  }

  /** {@code column IN (literal, ...)}, or {@code NOT IN} when negated. */
  record In(Column column, boolean negated, List<Literal> values) implements WhereCondition {
    public In {
      Objects.requireNonNull(column, "column");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("an IN list has one value or more");
      }
    }

    @Override
    public List<String> columns() {
      return List.of(column.name());
    }

    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      return column.render(quoteIdentifier)
          + (negated ? " NOT IN (" : " IN (")
          + values.stream().map(v -> v.render(quoteIdentifier)).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /** {@code column IS NULL}, or {@code IS NOT NULL} when negated. */
  record IsNull(Column column, boolean negated) implements WhereCondition {
    public IsNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public List<String> columns() {
      return List.of(column.name());
    }

    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      return column.render(quoteIdentifier) + (negated ? " IS NOT NULL" : " IS NULL");
    }
  }

  /** The comparison operators; {@code !=} is read as {@link #NOT_EQUAL} and printed {@code <>}. */
  enum Operator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String sql;

    Operator(String sql) {
      this.sql = sql;
    }

    public String sql() {
      return sql;
    }
  }

  /** One side of a comparison. */
  sealed interface Operand {
    String render(UnaryOperator<String> quoteIdentifier);
  }

  /**
   * A column of the child table, by name as written (without the double quotes, if any): a plain
   * SQL identifier.
   */
  record Column(String name) implements Operand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Column {
      if (!PLAIN.matcher(name).matches()) {
        throw new IllegalArgumentException("not a plain SQL identifier: " + name);
      }
    }

    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      return quoteIdentifier.apply(name);
    }
  }

  /** A constant. */
  sealed interface Literal extends Operand {}

  /** A string, printed in single quotes, each quote in it doubled. */
  record Text(String value) implements Literal {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      return "'" + value.replace("'", "''") + "'";
    }
  }

  /** A number, kept and printed exactly as written: {@code 42}, {@code -7}, {@code 1.50}. */
  record Numeric(String text) implements Literal {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    public Numeric {
      if (!DECIMAL.matcher(text).matches()) {
        throw new IllegalArgumentException("not a decimal number: " + text);
      }
    }

    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      return text;
    }
  }

  /** {@code TRUE} or {@code FALSE}. */
  record Bool(boolean value) implements Literal {
    @Override
    public String render(UnaryOperator<String> quoteIdentifier) {
      return value ? "TRUE" : "FALSE";
    }
  }

  private static List<WhereCondition> atLeastTwo(List<WhereCondition> operands, String operator) {
    List<WhereCondition> copy = List.copyOf(operands);
    if (copy.size() < 2) {
      throw new IllegalArgumentException(operator + " joins two operands or more: " + copy);
    }
    return copy;
  }

  private static List<String> columnsOf(List<WhereCondition> operands) {
    List<String> columns = new ArrayList<>();
    for (WhereCondition operand : operands) {
      columns.addAll(operand.columns());
    }
    return List.copyOf(columns);
  }
}
