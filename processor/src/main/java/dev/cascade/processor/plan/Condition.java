package dev.cascade.processor.plan;

import java.util.List;

/**
 * A SQL condition, remembering whether it is an {@code OR} at its top, so that it is put in
 * parentheses exactly where joining it with {@code AND} needs them.
 */
record Condition(SqlText sql, boolean disjunction) {

  static Condition of(SqlText sql) {
    return new Condition(sql, false);
  }

  static Condition of(String sql) {
    return of(SqlText.of(sql));
  }

  /** Any of the conditions: {@code a OR b}. */
  static Condition anyOf(List<Condition> conditions) {
    if (conditions.size() == 1) {
      return conditions.get(0);
    }
    SqlText.Builder out = SqlText.builder();
    for (int i = 0; i < conditions.size(); i++) {
      out.text(i == 0 ? "" : " OR ").append(conditions.get(i).sql());
    }
    return new Condition(out.build(), true);
  }

  /** Both conditions: {@code a AND (b OR c)}. */
  Condition and(Condition other) {
    return new Condition(
        SqlText.builder().append(operand()).text(" AND ").append(other.operand()).build(), false);
  }

  /**
   * This condition, narrowed by another in a part a restore of whole operations leaves out:
   * {@code own<only-named> AND narrowing</only-named>} (see {@link Protocol#ONLY_NAMED}).
   */
  Condition andOnlyNamed(Condition narrowing) {
    return andInPart(narrowing, Protocol.ONLY_NAMED, Protocol.END_ONLY_NAMED);
  }

  /**
   * This condition, narrowed by another in a part only a restore of whole operations keeps:
   * {@code own<whole-only> AND narrowing</whole-only>} (see {@link Protocol#WHOLE_ONLY}).
   */
  Condition andWholeOnly(Condition narrowing) {
    return andInPart(narrowing, Protocol.WHOLE_ONLY, Protocol.END_WHOLE_ONLY);
  }

  private Condition andInPart(Condition narrowing, String open, String close) {
    return new Condition(
        SqlText.builder().append(operand()).text(open + " AND ").append(narrowing.operand()).text(close).build(), false);
  }

  /** Not this condition, counting an unknown (null) result as false. */
  Condition negated() {
    return of(SqlText.builder().text("NOT COALESCE(").append(sql).text(", FALSE)").build());
  }

  private SqlText operand() {
    return disjunction ? SqlText.builder().text("(").append(sql).text(")").build() : sql;
  }
}
