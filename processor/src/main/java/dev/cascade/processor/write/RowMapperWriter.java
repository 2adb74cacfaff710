package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a reflection-free JDBI row mapper for a record: it asks JDBI for a column mapper per
 * component type once per result set, and reads columns by position.
 */
final class RowMapperWriter {
  private static final ClassName RESULT_SET = ClassName.get(ResultSet.class);
  private static final ClassName SQL_EXCEPTION = ClassName.get(SQLException.class);

  private RowMapperWriter() {}

  static ClassName name(ClassName deleter, ModelSpec model) {
    return deleter.nestedClass(model.type().simpleName() + "RowMapper");
  }

  /** The mapper, as a class nested in the deleter. */
  static void write(Members deleter, ClassName deleterName, ModelSpec model) {
    ClassName record = model.type();
    TypeName mapperOfRecord = ParameterizedTypeName.get(RuntimeTypes.ROW_MAPPER, record);
    String indent = deleter.indent();
    String body = indent + "    ";

    Code specialize = new Code();
    List<Code> arguments = new ArrayList<>();
    int position = 1;
    for (ColumnSpec column : model.columns()) {
      String local = column.component() + "Column";
      TypeName type = column.type();
      specialize.add(
          body + "$T $N = $T.mapper(ctx, $L, $S, $S);\n",
          ParameterizedTypeName.get(RuntimeTypes.COLUMN_MAPPER, type.box()),
          local,
          RuntimeTypes.COLUMNS,
          typeToken(type),
          model.table(),
          column.name());
      arguments.add(Code.of("$N.map(r, $L, c)", local, position++));
    }
    specialize.add(body + "return (r, c) -> new $T($L);\n", record, Code.join(arguments, ",$W"));

    Members members = new Members(indent + "  ");
    members.add()
        .add(members.indent() + "@Override\n")
        .add(members.indent() + "public $T map($T rs,$W$T ctx)$Wthrows$W$T {\n", record, RESULT_SET, RuntimeTypes.STATEMENT_CONTEXT, SQL_EXCEPTION)
        .add(body + "return specialize(rs, ctx).map(rs, ctx);\n")
        .add(members.indent() + "}\n");
    members.add()
        .add(members.indent() + "@Override\n")
        .add(
            members.indent() + "public $T specialize($T rs,$W$T ctx)$Wthrows$W$T {\n",
            mapperOfRecord, RESULT_SET, RuntimeTypes.STATEMENT_CONTEXT, SQL_EXCEPTION)
        .add("$L", specialize)
        .add(members.indent() + "}\n");

    deleter.add()
        .javadoc(
            indent,
            "Reads a {@link $T} from the columns of {@code $L}, in component order,\n"
                + "with JDBI's column mappers.\n",
            record,
            model.table())
        .add(indent + "static final class $L implements $T {\n", name(deleterName, model).simpleName(), mapperOfRecord)
        .add("$L", members.code())
        .add(indent + "}\n");
  }

  /** {@code long.class}, {@code String.class}, or a {@code GenericType} for a parameterized type. */
  private static Code typeToken(TypeName type) {
    if (type instanceof ParameterizedTypeName) {
      return Code.of("new $T<$T>() {}", RuntimeTypes.GENERIC_TYPE, type);
    }
    return Code.of("$T.class", type);
  }
}
