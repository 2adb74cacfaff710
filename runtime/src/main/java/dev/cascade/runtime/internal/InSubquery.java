package dev.cascade.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition {@code AND}ed together from conditions of which one is {@code column IN (SELECT ...)},
 * cut into the column, the query and the other conditions: so that H2, which runs an {@code IN} over
 * a recursive query again for every row it looks at, can read the query once, as a join.
 *
 * @param column the column, as the condition names it
 * @param query the query inside the parentheses
 * @param rest the other conditions, {@code AND}ed; empty if none
 */
record InSubquery(String column, String query, String rest) {
  private static final Pattern IN_QUERY = Pattern.compile("^([\\w.\"`]+) IN \\((?=SELECT |WITH )");
  private static final String AND = " AND ";

  /**
   * The condition cut at its first {@code IN} over a query, if it has one among conditions that are
   * only {@code AND}ed (an {@code OR} outside parentheses would bind the other way) and no protocol
   * part.
   */
  static Optional<InSubquery> of(String condition) {
    if (condition.contains("</")) {
      // A protocol part (<only-named>...</only-named>) the runtime may cut: a term inside it must stay there.
      return Optional.empty();
    }
    List<String> terms = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < condition.length(); i++) {
      char c = condition.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = condition.indexOf(c, i + 1);
        if (i < 0) {
          return Optional.empty();
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && condition.startsWith(" OR ", i)) {
        return Optional.empty();
      } else if (depth == 0 && condition.startsWith(AND, i)) {
        terms.add(condition.substring(from, i));
        from = i + AND.length();
      }
    }
    terms.add(condition.substring(from));
    for (int t = 0; t < terms.size(); t++) {
      String term = terms.get(t);
      Matcher in = IN_QUERY.matcher(term);
      if (in.find() && closesAtItsEnd(term, in.end())) {
        List<String> rest = new ArrayList<>(terms);
        rest.remove(t);
        return Optional.of(new InSubquery(in.group(1), term.substring(in.end(), term.length() - 1), String.join(AND, rest)));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code SELECT table._ROWID_ FROM (SELECT DISTINCT key ...) JOIN table ON ... WHERE rest}: the
   * rows of {@code table} the condition picks, each once, the query read once.
   *
   * @param rowId what names a row of the table: {@code table._ROWID_}, or its key
   */
  String rowIdsOf(String table, String rowId) {
    String qualified = column.contains(".") ? column : table + "." + column;
    return "SELECT " + rowId + " FROM (SELECT DISTINCT cascade_key FROM (" + query + ") AS cascade_in (cascade_key))"
        + " AS cascade_keys JOIN " + table + " ON " + qualified + " = cascade_keys.cascade_key"
        + (rest.isEmpty() ? "" : " WHERE " + rest);
  }

  /** Whether the parenthesis open before {@code from} closes at the end of {@code term}, and not before. */
  private static boolean closesAtItsEnd(String term, int from) {
    int depth = 1;
    for (int i = from; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = term.indexOf(c, i + 1);
        if (i < 0) {
          return false;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i == term.length() - 1;
      }
    }
    return false;
  }
}
