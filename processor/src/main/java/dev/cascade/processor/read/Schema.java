package dev.cascade.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.model.ModelSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every model a round needs: the round's own {@code @Table} records and every model they reach
 * through their relations, whether from source or from class files compiled earlier.
 *
 * @param models by record, in the order they were read
 * @param diagnostics errors found while reading
 * @param unreadable {@code @Table} types that could not be read as models, or not yet, as they name
 *     a type that does not exist (each reported on itself, so models naming them say nothing)
 * @param missingTypes types named by the models that do not exist yet, by the model naming them
 * @param ofRound the round's own records, from source; the others were read from class files
 */
public record Schema(
    Map<ClassName, ModelSpec> models,
    List<Diagnostic> diagnostics,
    Set<TypeName> unreadable,
    Map<ClassName, String> missingTypes,
    Set<ClassName> ofRound) {

  public Schema {
    models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    diagnostics = List.copyOf(diagnostics);
    unreadable = Set.copyOf(unreadable);
    missingTypes = Map.copyOf(missingTypes);
    ofRound = Set.copyOf(ofRound);
  }

  public Collection<ModelSpec> all() {
    return models.values();
  }

  public Optional<ModelSpec> model(TypeName type) {
    return Optional.ofNullable(models.get(type));
  }
}
