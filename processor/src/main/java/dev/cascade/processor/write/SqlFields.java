package dev.cascade.processor.write;

import dev.cascade.processor.plan.Constant;
import dev.cascade.processor.plan.Dialect;
import dev.cascade.processor.plan.Program;
import dev.cascade.processor.plan.SqlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lays out a program's SQL constants as {@code private static final String} fields in the order
 * they run, one Javadoc line each, a statement's own text for some databases as a second field
 * ({@code DELETE_FOLDERS_BELOW_H2_MYSQL}); and names them where a plan uses them.
 */
final class SqlFields {
  /** Long literals are cut before these words, so a statement reads clause by clause. */
  private static final Pattern CLAUSE = Pattern.compile("(?= (SELECT|FROM|WHERE|UNION|JOIN|WHEN) )");

  private static final int SHORT = 80;

  private final Program program;

  SqlFields(Program program) {
    this.program = program;
  }

  /** Adds the fields, in the order the program lists its constants. */
  void addFields(Members members) {
    for (Constant constant : program.constants()) {
      field(members, constant.name(), constant.comment(), constant.sql());
      variants(constant).forEach((field, dialects) -> {
        String doc = constant.comment() + " On " + dialects.stream().map(Dialect::name).collect(Collectors.joining(" and ")) + ".";
        field(members, field, doc, constant.sql(dialects.get(0)));
      });
    }
  }

  /**
   * How a plan names a constant: the field itself where every database shares it, otherwise
   * {@code Sql.of(NAME).or(Dialect.H2, NAME_H2)}, and {@code .only(...)} for a statement that runs
   * on some databases only.
   */
  Code use(String name, List<Dialect> only) {
    Constant constant = program.get(name);
    Map<String, List<Dialect>> variants = variants(constant);
    if (variants.isEmpty() && only.isEmpty()) {
      return Code.of("$N", name);
    }
    Code sql = Code.of("$T.of($N)", RuntimeTypes.SQL, name);
    variants.forEach((field, dialects) -> {
      for (Dialect dialect : dialects) {
        sql.add(".or($T.$L, $N)", RuntimeTypes.DIALECT, dialect.name(), field);
      }
    });
    if (!only.isEmpty()) {
      sql.add(".only($L)", Code.join(only.stream().map(d -> Code.of("$T.$L", RuntimeTypes.DIALECT, d.name())).toList(), ", "));
    }
    return sql;
  }

  Code use(String name) {
    return use(name, List.of());
  }

  /** The fields of a constant's own texts, each with the databases that share it. */
  private static Map<String, List<Dialect>> variants(Constant constant) {
    Map<SqlText, List<Dialect>> byText = new LinkedHashMap<>();
    constant.variants().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> byText.computeIfAbsent(e.getValue(), t -> new ArrayList<>()).add(e.getKey()));
    Map<String, List<Dialect>> fields = new LinkedHashMap<>();
    byText.values().forEach(dialects ->
        fields.put(constant.name() + "_" + dialects.stream().map(Dialect::name).collect(Collectors.joining("_")), dialects));
    return fields;
  }

  private static void field(Members members, String name, String doc, SqlText sql) {
    members.field(doc, "private static final", RuntimeTypes.STRING, name, expression(sql));
  }

  /** {@code "DELETE FROM likes WHERE comment_id IN (" + COMMENTS_IN_CASCADE + ")"}. */
  private static Code expression(SqlText sql) {
    List<Code> pieces = new ArrayList<>();
    for (SqlText.Part part : sql.parts()) {
      if (part instanceof SqlText.Part.Text text) {
        for (String chunk : chunks(text.sql())) {
          pieces.add(Code.of("$S", chunk));
        }
      } else if (part instanceof SqlText.Part.Ref ref) {
        pieces.add(Code.of("$N", ref.constant()));
      }
    }
    return Code.join(pieces, "$W+ ");
  }

  /** Literal text cut at clause boundaries into pieces of about a line each. */
  private static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String clause : CLAUSE.split(text)) {
      if (line.length() > 0 && line.length() + clause.length() > SHORT) {
        chunks.add(line.toString());
        line.setLength(0);
      }
      line.append(clause);
    }
    chunks.add(line.toString());
    return chunks;
  }
}
