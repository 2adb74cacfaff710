package dev.cascade.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import java.util.Collection;
import java.util.stream.Collectors;

/** How checks name things in messages: the user's record, component and type names. */
final class Names {
  private Names() {}

  static String simple(TypeName type) {
    return type instanceof ClassName className
        ? String.join(".", className.simpleNames())
        : type.toString();
  }

  /** {@code Post.userId}. */
  static String component(ModelSpec model, ColumnSpec column) {
    return model.displayName() + "." + column.component();
  }

  static String components(Collection<ColumnSpec> columns) {
    return columns.stream().map(ColumnSpec::component).collect(Collectors.joining(", "));
  }

  static String columns(Collection<ColumnSpec> columns) {
    return columns.stream().map(ColumnSpec::name).collect(Collectors.joining(", "));
  }
}
