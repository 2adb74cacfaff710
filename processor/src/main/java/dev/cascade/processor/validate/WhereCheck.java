package dev.cascade.processor.validate;

import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.RelationSpec;
import dev.cascade.processor.read.Schema;
import dev.cascade.processor.read.WhereParser;
import dev.cascade.processor.read.WhereParser.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code where} of a {@code @HasMany} must be a condition of the grammar {@link WhereParser}
 * reads, on columns the child table has, so that a typo fails the build rather than the first
 * delete. Columns match ignoring case, as SQL matches unquoted names.
 */
final class WhereCheck {
  /** How much of the text at fault a message quotes. */
  private static final int QUOTED = 20;

  private WhereCheck() {}

  static List<Diagnostic> check(Schema schema) {
    List<Diagnostic> errors = new ArrayList<>();
    for (ModelSpec parent : schema.all()) {
      for (RelationSpec relation : parent.hasMany()) {
        relation
            .where()
            .ifPresent(where -> check(schema.model(relation.child()), parent, relation, where, errors));
      }
    }
    return errors;
  }

  private static void check(
      Optional<ModelSpec> child,
      ModelSpec parent,
      RelationSpec relation,
      String where,
      List<Diagnostic> errors) {
    String childName = Names.simple(relation.child());
    Result result = WhereParser.parse(where);
    if (result instanceof Result.Failed failed) {
      errors.add(
          Diagnostic.error(
                  Message.WHERE_NOT_READ,
                  relation.origin(),
                  childName,
                  where,
                  parent.displayName(),
                  position(where, failed.offset()),
                  failed.reason())
              .onAttribute("where"));
      return;
    }
    if (child.isEmpty()) {
      return; // not a model: reported by RelationCheck
    }
    Set<String> reported = new HashSet<>();
    for (String column : ((Result.Parsed) result).condition().columns()) {
      if (child.get().column(column).isEmpty() && reported.add(column.toLowerCase(Locale.ROOT))) {
        errors.add(
            Diagnostic.error(
                    Message.WHERE_NOT_A_COLUMN,
                    relation.origin(),
                    childName,
                    where,
                    parent.displayName(),
                    child.get().table(),
                    column,
                    Names.columns(child.get().columns()))
                .onAttribute("where"));
      }
    }
  }

  /**
   * Where the text goes wrong, counting characters from 1, before the reason: {@code at character
   * 14 (`== 'task'`): }, {@code at its end: }, or nothing when the text is blank.
   */
  private static String position(String where, int offset) {
    if (where.isBlank()) {
      return "";
    }
    String rest = where.substring(Math.min(offset, where.length())).strip();
    if (rest.isEmpty()) {
      return "at its end: ";
    }
    String quoted = rest.length() > QUOTED ? rest.substring(0, QUOTED) + "..." : rest;
    return "at character " + (offset + 1) + " (`" + quoted + "`): ";
  }
}
