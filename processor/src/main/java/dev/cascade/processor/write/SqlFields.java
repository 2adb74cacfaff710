package dev.cascade.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.cascade.processor.plan.Dialect;
import dev.cascade.processor.plan.MergedConstant;
import dev.cascade.processor.plan.SqlText;
import dev.cascade.processor.plan.SqlVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Lays out SQL constants as {@code private static final String} fields, one Javadoc line each,
 * and names them where a plan uses them.
 */
final class SqlFields {
  /** Long literals are cut before these words, so a statement reads clause by clause. */
  private static final Pattern CLAUSE = Pattern.compile("(?= (SELECT|FROM|WHERE|UNION) )");

  private static final int SHORT = 80;

  private final Map<String, MergedConstant> constants = new LinkedHashMap<>();

  SqlFields(List<MergedConstant> constants) {
    constants.forEach(c -> this.constants.put(c.name(), c));
  }

  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (MergedConstant constant : constants.values()) {
      for (SqlVariant variant : constant.variants()) {
        String doc =
            variant == constant.defaultVariant()
                ? constant.comment()
                : constant.comment() + " On " + dialects(variant) + ".";
        fields.add(
            FieldSpec.builder(String.class, variant.field(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L\n", doc)
                .initializer(expression(variant.sql()))
                .build());
      }
    }
    return fields;
  }

  /**
   * How a plan names a constant: the field itself where every dialect shares it, otherwise {@code
   * Sql.of(NAME).or(Dialect.MYSQL, NAME_MYSQL)}.
   */
  CodeBlock use(String constant) {
    MergedConstant merged = constants.get(constant);
    if (merged.variants().size() == 1) {
      return CodeBlock.of("$N", merged.defaultVariant().field());
    }
    CodeBlock.Builder sql =
        CodeBlock.builder().add("$T.of($N)", RuntimeTypes.SQL, merged.defaultVariant().field());
    for (SqlVariant variant : merged.variants().subList(1, merged.variants().size())) {
      for (Dialect dialect : variant.dialects()) {
        sql.add(".or($T.$L, $N)", RuntimeTypes.DIALECT, dialect.name(), variant.field());
      }
    }
    return sql.build();
  }

  /** {@code "DELETE FROM likes WHERE comment_id IN (" + COMMENTS_IN_CASCADE + ")"}. */
  private static CodeBlock expression(SqlText sql) {
    List<CodeBlock> pieces = new ArrayList<>();
    for (SqlText.Part part : sql.parts()) {
      if (part instanceof SqlText.Part.Text text) {
        for (String chunk : chunks(text.sql())) {
          pieces.add(CodeBlock.of("$S", chunk));
        }
      } else if (part instanceof SqlText.Part.Ref ref) {
        pieces.add(CodeBlock.of("$N", ref.constant()));
      }
    }
    return CodeBlock.join(pieces, "$W+ ");
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

  private static String dialects(SqlVariant variant) {
    return variant.dialects().stream().map(Dialect::name).collect(Collectors.joining(", "));
  }
}
