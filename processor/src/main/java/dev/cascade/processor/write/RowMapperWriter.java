package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a reflection-free JDBI row mapper for a record: it asks JDBI for a column mapper per
 * component type once per result set, and reads columns by position.
 */
final class RowMapperWriter {
  private RowMapperWriter() {}

  static ClassName name(ClassName deleter, ModelSpec model) {
    return deleter.nestedClass(model.type().simpleName() + "RowMapper");
  }

  static TypeSpec write(ClassName deleter, ModelSpec model) {
    ClassName record = model.type();
    TypeName mapperOfRecord = ParameterizedTypeName.get(RuntimeTypes.ROW_MAPPER, record);

    CodeBlock.Builder specialize = CodeBlock.builder();
    List<CodeBlock> arguments = new ArrayList<>();
    int position = 1;
    for (ColumnSpec column : model.columns()) {
      String local = column.component() + "Column";
      TypeName type = column.type();
      specialize.addStatement(
          "$T $N = $T.mapper(ctx, $L, $S, $S)",
          ParameterizedTypeName.get(RuntimeTypes.COLUMN_MAPPER, type.box()),
          local,
          RuntimeTypes.COLUMNS,
          typeToken(type),
          model.table(),
          column.name());
      arguments.add(CodeBlock.of("$N.map(r, $L, c)", local, position++));
    }
    specialize.addStatement(
        "return (r, c) -> new $T($L)", record, CodeBlock.join(arguments, ",$W"));

    return TypeSpec.classBuilder(name(deleter, model))
        .addJavadoc(
            "Reads a {@link $T} from the columns of {@code $L}, in component order,\n"
                + "with JDBI's column mappers.\n",
            record,
            model.table())
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(mapperOfRecord)
        .addMethod(
            MethodSpec.methodBuilder("map")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(record)
                .addParameter(ResultSet.class, "rs")
                .addParameter(RuntimeTypes.STATEMENT_CONTEXT, "ctx")
                .addException(SQLException.class)
                .addStatement("return specialize(rs, ctx).map(rs, ctx)")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("specialize")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(mapperOfRecord)
                .addParameter(ResultSet.class, "rs")
                .addParameter(RuntimeTypes.STATEMENT_CONTEXT, "ctx")
                .addException(SQLException.class)
                .addCode(specialize.build())
                .build())
        .build();
  }

  /** {@code long.class}, {@code String.class}, or a {@code GenericType} for a parameterized type. */
  private static CodeBlock typeToken(TypeName type) {
    if (type instanceof ParameterizedTypeName) {
      return CodeBlock.of("new $T<$T>() {}", RuntimeTypes.GENERIC_TYPE, type);
    }
    return CodeBlock.of("$T.class", type);
  }
}
