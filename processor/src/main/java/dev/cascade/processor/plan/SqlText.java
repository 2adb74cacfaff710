package dev.cascade.processor.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * SQL as written into generated code: literal text and references to other named constants, so
 * that a statement reads {@code "DELETE FROM likes WHERE comment_id IN (" + COMMENTS_IN_CASCADE +
 * ")"} rather than repeating the nested conditions.
 */
public record SqlText(List<Part> parts) {

  /** One piece of a statement. */
  public sealed interface Part {
    /** Literal SQL. */
    record Text(String sql) implements Part {}

    /** The text of another named constant. */
    record Ref(String constant) implements Part {}
  }

  public SqlText {
    parts = List.copyOf(parts);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static SqlText of(String sql) {
    return builder().text(sql).build();
  }

  /** The text of SQL that names no other constant. */
  public String literal() {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Part.Text text) {
        out.append(text.sql());
      } else {
        throw new IllegalStateException("not a literal: it names " + part);
      }
    }
    return out.toString();
  }

  /** The whole statement, with references replaced by what they name. */
  public String render(Function<String, SqlText> constants) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Part.Text text) {
        out.append(text.sql());
      } else if (part instanceof Part.Ref ref) {
        out.append(constants.apply(ref.constant()).render(constants));
      }
    }
    return out.toString();
  }

  /** Builds text, merging adjacent literals. */
  public static final class Builder {
    private final List<Part> parts = new ArrayList<>();

    public Builder text(String sql) {
      if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Part.Text last) {
        parts.set(parts.size() - 1, new Part.Text(last.sql() + sql));
      } else if (!sql.isEmpty()) {
        parts.add(new Part.Text(sql));
      }
      return this;
    }

    public Builder ref(String constant) {
      parts.add(new Part.Ref(constant));
      return this;
    }

    public Builder append(SqlText text) {
      for (Part part : text.parts()) {
        if (part instanceof Part.Text t) {
          text(t.sql());
        } else {
          parts.add(part);
        }
      }
      return this;
    }

    public SqlText build() {
      return new SqlText(parts);
    }
  }
}
