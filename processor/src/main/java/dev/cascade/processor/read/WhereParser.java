package dev.cascade.processor.read;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the {@code where} of a {@code @HasMany} into a {@link WhereCondition}. The grammar
 * (keywords in any case):
 *
 * <pre>
 * condition  := disjunct ( OR disjunct )*
 * disjunct   := term ( AND term )*
 * term       := NOT term
 *             | '(' condition ')'
 *             | column operator literal
 *             | literal operator column
 *             | column [ NOT ] IN '(' literal ( ',' literal )* ')'
 *             | column IS [ NOT ] NULL
 * operator   := '=' | '&lt;&gt;' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * literal    := string | number | TRUE | FALSE
 * string     := "'" ( any character but ' and \ | "''" )* "'"
 * number     := [ '+' | '-' ] digit+ [ '.' digit+ ]
 * column     := identifier | '"' identifier '"'
 * identifier := ( letter | '_' ) ( letter | digit | '_' )*, not one of the keywords
 * keywords   := AND OR NOT IN IS NULL TRUE FALSE
 * </pre>
 *
 * <p>A backslash is refused in strings because MySQL and MariaDB read it as an escape where other
 * databases do not, and {@code = NULL} because it matches no row. Anything else outside the
 * grammar (functions, {@code LIKE}, bind parameters, comments, two columns compared) is refused
 * too, with the offset of the first character that does not fit and a short reason. Never throws
 * for what a user wrote.
 */
public final class WhereParser {
  /** Deeper nesting than this is refused rather than risk the stack. */
  private static final int MAX_DEPTH = 64;

  private static final Set<String> KEYWORDS =
      Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE");

  /** What reading a {@code where} gave. */
  public sealed interface Result {
    /** The condition, read. */
    record Parsed(WhereCondition condition) implements Result {}

    /**
     * The text is not a condition of the grammar.
     *
     * @param reason what is wrong, in a few words
     * @param offset the 0-based index of the character at fault; the text's length at its end
     */
    record Failed(String reason, int offset) implements Result {}
  }

  private final String source;
  private final List<Token> tokens;
  private int next;

  private WhereParser(String source, List<Token> tokens) {
    this.source = source;
    this.tokens = tokens;
  }

  public static Result parse(String where) {
    try {
      WhereParser parser = new WhereParser(where, new Lexer(where).tokens());
      return new Result.Parsed(parser.whole());
    } catch (Failure failure) {
      return new Result.Failed(failure.reason, failure.offset);
    }
  }

  private WhereCondition whole() {
    if (peek().kind() == Kind.END) {
      throw new Failure("the condition is empty", 0);
    }
    WhereCondition condition = condition(0);
    Token after = peek();
    if (after.kind() == Kind.CLOSE) {
      throw new Failure("this ) closes no (", after.offset());
    }
    if (after.kind() != Kind.END) {
      throw new Failure("expected AND, OR or the end, found " + found(after), after.offset());
    }
    return condition;
  }

  private WhereCondition condition(int depth) {
    return joined("OR", () -> disjunct(depth), Or.class, Or::new);
  }

  private WhereCondition disjunct(int depth) {
    return joined("AND", () -> term(depth), And.class, And::new);
  }

  /** {@code operand ( keyword operand )*}: one operand as it is, several joined. */
  private WhereCondition joined(
      String keyword,
      Supplier<WhereCondition> operand,
      Class<? extends WhereCondition> kind,
      Function<List<WhereCondition>, WhereCondition> join) {
    List<WhereCondition> operands = new ArrayList<>();
    addFlat(operands, operand.get(), kind);
    while (isKeyword(peek(), keyword)) {
      advance();
      addFlat(operands, operand.get(), kind);
    }
    return operands.size() == 1 ? operands.get(0) : join.apply(operands);
  }

  /** {@code (a OR b) OR c} is {@code a OR b OR c}: same-operator groups are merged. */
  private static void addFlat(
      List<WhereCondition> into, WhereCondition operand, Class<? extends WhereCondition> kind) {
    if (operand instanceof Or or && kind == Or.class) {
      into.addAll(or.operands());
    } else if (operand instanceof And and && kind == And.class) {
      into.addAll(and.operands());
    } else {
      into.add(operand);
    }
  }

  private WhereCondition term(int depth) {
    Token token = peek();
    if (depth > MAX_DEPTH) {
      throw new Failure("the condition is nested too deeply", token.offset());
    }
    if (isKeyword(token, "NOT")) {
      advance();
      return new Not(term(depth + 1));
    }
    if (token.kind() == Kind.OPEN) {
      advance();
      WhereCondition inner = condition(depth + 1);
      Token close = peek();
      if (close.kind() != Kind.CLOSE) {
        throw new Failure(
            "expected ) to close the ( at character "
                + (token.offset() + 1)
                + ", found "
                + found(close),
            close.offset());
      }
      advance();
      return inner;
    }
    if (isColumn(token)) {
      advance();
      return predicate(column(token));
    }
    if (isLiteral(token)) {
      advance();
      return literalFirst(literal(token));
    }
    if (isKeyword(token, "NULL")) {
      throw new Failure("NULL can only be tested as column IS NULL or IS NOT NULL", token.offset());
    }
    throw new Failure(
        "expected a column, a literal, NOT or (, found " + found(token), token.offset());
  }

  /** What follows a column: a comparison, an {@code IN} list or {@code IS [NOT] NULL}. */
  private WhereCondition predicate(Column column) {
    Token token = peek();
    if (token.kind() == Kind.OPERATOR) {
      advance();
      return new Comparison(column, operator(token), literalAfter(token));
    }
    if (isKeyword(token, "IN")) {
      advance();
      return new In(column, false, inList());
    }
    if (isKeyword(token, "NOT")) {
      advance();
      Token in = peek();
      if (!isKeyword(in, "IN")) {
        throw new Failure("expected IN after NOT, found " + found(in), in.offset());
      }
      advance();
      return new In(column, true, inList());
    }
    if (isKeyword(token, "IS")) {
      advance();
      boolean negated = isKeyword(peek(), "NOT");
      if (negated) {
        advance();
      }
      Token nullToken = peek();
      if (!isKeyword(nullToken, "NULL")) {
        throw new Failure(
            "expected NULL or NOT NULL after IS, found " + found(nullToken), nullToken.offset());
      }
      advance();
      return new IsNull(column, negated);
    }
    throw new Failure(
        "expected =, <>, !=, <, <=, >, >=, IN, NOT IN or IS after column "
            + column.name()
            + ", found "
            + found(token),
        token.offset());
  }

  /** {@code 'post' = subject_type}: the other side must be a column. */
  private WhereCondition literalFirst(Literal literal) {
    Token operatorToken = peek();
    if (operatorToken.kind() != Kind.OPERATOR) {
      throw new Failure(
          "expected =, <>, !=, <, <=, >, >= after a literal, found " + found(operatorToken),
          operatorToken.offset());
    }
    advance();
    Token token = peek();
    if (isColumn(token)) {
      advance();
      return new Comparison(literal, operator(operatorToken), column(token));
    }
    if (isLiteral(token)) {
      throw new Failure("compare a column with a literal, not two literals", token.offset());
    }
    if (isKeyword(token, "NULL")) {
      throw new Failure("NULL can only be tested as column IS NULL or IS NOT NULL", token.offset());
    }
    throw new Failure(
        "expected a column after " + operatorToken.text() + ", found " + found(token),
        token.offset());
  }

  private Literal literalAfter(Token operatorToken) {
    Token token = peek();
    if (isLiteral(token)) {
      advance();
      return literal(token);
    }
    if (isKeyword(token, "NULL")) {
      throw new Failure(
          "nothing is " + operatorToken.text() + " NULL, write IS NULL or IS NOT NULL",
          token.offset());
    }
    if (isColumn(token)) {
      throw new Failure("compare a column with a literal, not with another column", token.offset());
    }
    throw new Failure(
        "expected a literal ('text', a number, TRUE or FALSE) after "
            + operatorToken.text()
            + ", found "
            + found(token),
        token.offset());
  }

  private List<Literal> inList() {
    Token open = peek();
    if (open.kind() != Kind.OPEN) {
      throw new Failure("expected ( after IN, found " + found(open), open.offset());
    }
    advance();
    List<Literal> values = new ArrayList<>();
    while (true) {
      Token token = peek();
      if (isLiteral(token)) {
        advance();
        values.add(literal(token));
      } else if (isKeyword(token, "NULL")) {
        throw new Failure(
            "NULL in an IN list matches no row, test it with column IS NULL", token.offset());
      } else {
        throw new Failure(
            "expected a literal ('text', a number, TRUE or FALSE) in the IN list, found "
                + found(token),
            token.offset());
      }
      Token after = peek();
      if (after.kind() == Kind.CLOSE) {
        advance();
        return values;
      }
      if (after.kind() != Kind.COMMA) {
        throw new Failure("expected , or ) in the IN list, found " + found(after), after.offset());
      }
      advance();
    }
  }

  private static boolean isColumn(Token token) {
    return token.kind() == Kind.QUOTED || (token.kind() == Kind.WORD && !isKeyword(token));
  }

  private static boolean isLiteral(Token token) {
    return token.kind() == Kind.STRING
        || token.kind() == Kind.NUMBER
        || isKeyword(token, "TRUE")
        || isKeyword(token, "FALSE");
  }

  private static Column column(Token token) {
    return new Column(token.text());
  }

  private static Literal literal(Token token) {
    return switch (token.kind()) {
      case STRING -> new Text(token.text());
      case NUMBER -> new Numeric(token.text());
      default -> new Bool(isKeyword(token, "TRUE"));
    };
  }

  private static Operator operator(Token token) {
    return switch (token.text()) {
      case "=" -> Operator.EQUAL;
      case "<>", "!=" -> Operator.NOT_EQUAL;
      case "<" -> Operator.LESS;
      case "<=" -> Operator.LESS_OR_EQUAL;
      case ">" -> Operator.GREATER;
      case ">=" -> Operator.GREATER_OR_EQUAL;
      default -> throw new IllegalStateException("not an operator: " + token.text());
    };
  }

  private static boolean isKeyword(Token token) {
    return token.kind() == Kind.WORD && KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT));
  }

  private static boolean isKeyword(Token token, String keyword) {
    return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(keyword);
  }

  /** How a message shows a token: as written, or "the end". */
  private String found(Token token) {
    return token.kind() == Kind.END
        ? "the end"
        : "`" + source.substring(token.offset(), token.end()) + "`";
  }

  private Token peek() {
    return tokens.get(next);
  }

  private void advance() {
    next++;
  }

  private enum Kind {
    WORD,
    QUOTED,
    STRING,
    NUMBER,
    OPERATOR,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  /**
   * One token: its kind, its value (a string's text unescaped, a quoted column without quotes, as
   * written otherwise), and where it starts and ends in the source.
   */
  private record Token(Kind kind, String text, int offset, int end) {}

  /** A user mistake, caught by {@link #parse}: it never leaves this class. */
  private static final class Failure extends RuntimeException {
    private final String reason;
    private final int offset;

    Failure(String reason, int offset) {
      super(reason, null, false, false);
      this.reason = reason;
      this.offset = offset;
    }
  }

  /** Cuts the source into tokens, refusing characters the grammar has no place for. */
  private static final class Lexer {
    private final String source;
    private int at;

    Lexer(String source) {
      this.source = source;
    }

    List<Token> tokens() {
      List<Token> tokens = new ArrayList<>();
      while (true) {
        while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
          at++;
        }
        if (at >= source.length()) {
          tokens.add(new Token(Kind.END, "", source.length(), source.length()));
          return tokens;
        }
        tokens.add(token());
      }
    }

    private Token token() {
      int start = at;
      char c = source.charAt(at);
      if (c == '(' || c == ')' || c == ',') {
        at++;
        Kind kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA;
        return new Token(kind, String.valueOf(c), start, at);
      }
      if (c == '=' || c == '<' || c == '>' || c == '!') {
        return operator(start);
      }
      if (c == '\'') {
        return string(start);
      }
      if (c == '"') {
        return quoted(start);
      }
      if (isDigit(c) || ((c == '+' || c == '-') && isDigit(charAt(at + 1)))) {
        return number(start);
      }
      if (isWordStart(c)) {
        while (isWordPart(charAt(at))) {
          at++;
        }
        return new Token(Kind.WORD, source.substring(start, at), start, at);
      }
      throw new Failure(unexpected(c), start);
    }

    private Token operator(int start) {
      char c = source.charAt(at);
      char following = charAt(at + 1);
      String text;
      if (c == '=' && following == '=') {
        throw new Failure("== is not SQL, write =", start);
      } else if (c == '!' && following != '=') {
        throw new Failure("expected != or <>, found `!`", start);
      } else if ((c == '<' && (following == '=' || following == '>'))
          || (c == '>' && following == '=')
          || c == '!') {
        text = source.substring(at, at + 2);
      } else {
        text = String.valueOf(c);
      }
      at += text.length();
      return new Token(Kind.OPERATOR, text, start, at);
    }

    private Token string(int start) {
      StringBuilder value = new StringBuilder();
      at++;
      while (true) {
        if (at >= source.length()) {
          throw new Failure("this string is not closed with '", start);
        }
        char c = source.charAt(at);
        if (c == '\\') {
          throw new Failure(
              "a backslash in a string means different things on different databases, so leave it"
                  + " out",
              at);
        }
        if (c == '\'') {
          if (charAt(at + 1) == '\'') {
            value.append('\'');
            at += 2;
            continue;
          }
          at++;
          return new Token(Kind.STRING, value.toString(), start, at);
        }
        value.append(c);
        at++;
      }
    }

    private Token quoted(int start) {
      int close = source.indexOf('"', start + 1);
      if (close < 0) {
        throw new Failure("this quoted column is not closed with \"", start);
      }
      String name = source.substring(start + 1, close);
      boolean plain = !name.isEmpty() && isWordStart(name.charAt(0));
      for (int i = 0; i < name.length() && plain; i++) {
        plain = isWordPart(name.charAt(i));
      }
      if (!plain) {
        throw new Failure(
            "a quoted column must be a plain identifier: letters, digits and _, not starting"
                + " with a digit",
            start);
      }
      at = close + 1;
      return new Token(Kind.QUOTED, name, start, at);
    }

    private Token number(int start) {
      if (!isDigit(source.charAt(at))) {
        at++;
      }
      skipDigits();
      if (charAt(at) == '.') {
        if (!isDigit(charAt(at + 1))) {
          throw new Failure("expected a digit after the decimal point", at + 1);
        }
        at++;
        skipDigits();
      }
      if (isWordPart(charAt(at)) || charAt(at) == '.') {
        throw new Failure(
            "a number is digits with an optional decimal part, and a column may not start with a"
                + " digit",
            start);
      }
      return new Token(Kind.NUMBER, source.substring(start, at), start, at);
    }

    private void skipDigits() {
      while (isDigit(charAt(at))) {
        at++;
      }
    }

    private String unexpected(char c) {
      char following = charAt(at + 1);
      if (c == ':' || c == '?') {
        return "bind parameters cannot be used: where is a constant condition";
      }
      if ((c == '-' && following == '-') || (c == '/' && following == '*')) {
        return "comments cannot be used in where";
      }
      if (c == '+' || c == '-') {
        return "expected digits right after " + c;
      }
      if (c == ';') {
        return "where is one condition, without ;";
      }
      return "unexpected character `" + c + "`";
    }

    /** The character at an index, or 0 past the end. */
    private char charAt(int index) {
      return index < source.length() ? source.charAt(index) : 0;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
      return isWordStart(c) || isDigit(c);
    }
  }
}
