package dev.cascade.processor.write;

import dev.cascade.processor.plan.Constant;
import dev.cascade.processor.plan.Dialect;
import dev.cascade.processor.plan.Program;
import dev.cascade.processor.plan.SqlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
  private final Map<String, Integer> lengths = new HashMap<>();

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

  private void field(Members members, String name, String doc, SqlText sql) {
    List<Piece> pieces = pieces(sql);
    int length = length(sql);
    if (length <= ConstantLength.LIMIT) {
      members.field(doc, "private static final", RuntimeTypes.STRING, name, sum(pieces));
      return;
    }
    String why = String.format(
        Locale.ROOT,
        "<p>Joined when the class loads: as one {@code +} javac would fold it into a constant of %,d\n"
            + "bytes, more than the %,d a class file holds.",
        length,
        ConstantLength.LIMIT);
    members.field(doc + "\n\n" + why, "private static final", RuntimeTypes.STRING, name, joined(pieces, members.indent()));
  }

  /**
   * {@code "DELETE FROM likes WHERE comment_id IN (" + COMMENTS_IN_CASCADE + ")"}: one constant,
   * which javac folds.
   */
  private static Code sum(List<Piece> pieces) {
    return Code.join(pieces.stream().map(Piece::code).toList(), "$W+ ");
  }

  /**
   * {@code String.join("", "..." + A + "...", B, ...)}, one argument to a line: the pieces in runs
   * that each fold into a constant the class file holds, and a constant joined itself on its own.
   */
  private static Code joined(List<Piece> pieces, String indent) {
    List<Code> arguments = new ArrayList<>();
    List<Piece> run = new ArrayList<>();
    int length = 0;
    for (Piece piece : pieces) {
      if (!run.isEmpty() && length + piece.length() > ConstantLength.LIMIT) {
        arguments.add(sum(run));
        run = new ArrayList<>();
        length = 0;
      }
      run.add(piece);
      length += piece.length();
    }
    arguments.add(sum(run));
    String line = ",\n" + indent + "    ";
    return Code.of("$T.join(\"\"" + line, RuntimeTypes.STRING).add("$L)", Code.join(arguments, line));
  }

  /**
   * The statement's literals, cut into lines, and the constants it names, each with the length it
   * adds to the folded value.
   */
  private List<Piece> pieces(SqlText sql) {
    List<Piece> pieces = new ArrayList<>();
    for (SqlText.Part part : sql.parts()) {
      if (part instanceof SqlText.Part.Text text) {
        for (String chunk : chunks(text.sql())) {
          for (String piece : ConstantLength.split(chunk, ConstantLength.LIMIT)) {
            pieces.add(new Piece(Code.of("$S", piece), ConstantLength.of(piece)));
          }
        }
      } else if (part instanceof SqlText.Part.Ref ref) {
        pieces.add(new Piece(Code.of("$N", ref.constant()), length(ref.constant())));
      }
    }
    return pieces;
  }

  /** The modified UTF-8 length of the text javac would fold, subqueries written out. */
  private int length(SqlText sql) {
    int length = 0;
    for (SqlText.Part part : sql.parts()) {
      if (part instanceof SqlText.Part.Text text) {
        length += ConstantLength.of(text.sql());
      } else if (part instanceof SqlText.Part.Ref ref) {
        length += length(ref.constant());
      }
    }
    return length;
  }

  private int length(String constant) {
    Integer known = lengths.get(constant);
    if (known == null) {
      known = length(program.get(constant).sql());
      lengths.put(constant, known);
    }
    return known;
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

  /** Source text for part of a constant, and the modified UTF-8 length of the value it stands for. */
  private record Piece(Code code, int length) {}
}
