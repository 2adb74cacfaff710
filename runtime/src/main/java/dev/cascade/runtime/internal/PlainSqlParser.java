package dev.cascade.runtime.internal;

import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads Cascade's own statements, whatever parser and template engine the application configured
 * on its {@code Jdbi}: parameters are {@code :name} and {@code ?}, text in single or double quotes
 * is SQL's (a quote doubled inside it, a backslash an ordinary character), {@code ::} is a cast,
 * and nothing is a template.
 *
 * <p>Two reasons. An application may read its own SQL with {@code HashPrefixSqlParser} or a
 * template engine of its choice, in which Cascade's {@code :ids0} would be no parameter and a
 * {@code <>} a template. And JDBI's {@code ColonPrefixSqlParser} runs an ANTLR lexer and caches
 * every text it parsed: on H2 the ids of a list of 100,000 are written into the statement as
 * literals, some 700 kB of text a statement, which that lexer took 14 s of a 15.7 s restore to
 * read (this parser: milliseconds), and its cache kept.
 */
public final class PlainSqlParser implements SqlParser {
  static final PlainSqlParser INSTANCE = new PlainSqlParser();
  private static final NoTemplateEngine NO_TEMPLATES = new NoTemplateEngine();

  private PlainSqlParser() {}

  /** Has the statement read by this parser, and its text taken as it is. */
  public static <S extends SqlStatement<S>> S apply(S statement) {
    return statement.configure(SqlStatements.class, c -> c.setTemplateEngine(NO_TEMPLATES).setSqlParser(INSTANCE));
  }

  @Override
  public ParsedSql parse(String sql, StatementContext ctx) {
    ParsedSql.Builder parsed = ParsedSql.builder();
    StringBuilder text = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closingQuote(sql, i);
        text.append(sql, i, end);
        i = end;
      } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
        text.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
        int end = i + 2;
        while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
          end++;
        }
        parsed.append(text.toString()).appendNamedParameter(sql.substring(i + 1, end));
        text.setLength(0);
        i = end;
      } else if (c == '?') {
        parsed.append(text.toString()).appendPositionalParameter();
        text.setLength(0);
        i++;
      } else {
        text.append(c);
        i++;
      }
    }
    return parsed.append(text.toString()).build();
  }

  /** Just past the quote that closes the one at {@code open}; a doubled quote does not close. */
  private static int closingQuote(String sql, int open) {
    char quote = sql.charAt(open);
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  @Override
  public String nameParameter(String rawName, StatementContext ctx) {
    return ":" + rawName;
  }
}
