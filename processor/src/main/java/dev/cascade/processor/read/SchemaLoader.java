package dev.cascade.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.RelationSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads a round's models and, following {@code @HasMany} and {@code @BelongsTo}, every model they
 * reach, so that the graph is whole even where part of it was compiled earlier.
 */
public final class SchemaLoader {
  private final Elements elements;
  private final ModelReader reader;

  public SchemaLoader(Elements elements) {
    this.elements = elements;
    this.reader = new ModelReader(elements);
  }

  public Schema load(Collection<TypeElement> roots) {
    Map<ClassName, ModelSpec> models = new LinkedHashMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Set<TypeName> unreadable = new HashSet<>();
    Map<ClassName, String> missing = new LinkedHashMap<>();

    Deque<TypeElement> queue = new ArrayDeque<>(roots);
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      TypeElement type = queue.removeFirst();
      if (!seen.add(type.getQualifiedName().toString())) {
        continue;
      }
      Reading reading = reader.read(type);
      if (reading instanceof Reading.Read read) {
        ModelSpec model = read.model();
        models.put(model.type(), model);
        for (TypeName related : related(model)) {
          TypeElement element = elements.getTypeElement(related.toString());
          if (element != null && ModelReader.isTable(element)) {
            queue.addLast(element);
          }
        }
      } else if (reading instanceof Reading.Failed failed) {
        diagnostics.add(failed.diagnostic());
        unreadable.add(ClassName.get(type));
      } else if (reading instanceof Reading.Deferred deferred) {
        missing.put(ClassName.get(type), deferred.missingType());
        unreadable.add(ClassName.get(type));
      }
    }
    Set<ClassName> ofRound = new HashSet<>();
    roots.forEach(root -> ofRound.add(ClassName.get(root)));
    return new Schema(models, diagnostics, unreadable, missing, ofRound);
  }

  private static List<TypeName> related(ModelSpec model) {
    List<TypeName> related = new ArrayList<>();
    for (RelationSpec relation : model.hasMany()) {
      related.add(relation.child());
    }
    for (ColumnSpec column : model.columns()) {
      related.addAll(column.belongsTo());
    }
    return related;
  }
}
