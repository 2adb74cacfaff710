package dev.cascade.processor.validate;

import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.read.Schema;
import java.util.ArrayList;
import java.util.List;

/** Runs every check over a round's schema and graph, and returns every error found. */
public final class Validation {
  private Validation() {}

  public static List<Diagnostic> check(Schema schema, RelationGraph graph) {
    List<Diagnostic> errors = new ArrayList<>(schema.diagnostics());
    errors.addAll(IdentifierCheck.check(schema.all()));
    errors.addAll(DuplicateTableCheck.check(schema.all()));
    errors.addAll(KeyCheck.check(schema.all()));
    errors.addAll(RelationCheck.check(schema));
    errors.addAll(WhereCheck.check(schema));
    errors.addAll(CycleCheck.check(graph));
    errors.addAll(SoftDeleteCheck.check(graph));
    errors.addAll(TrashColumnCheck.check(schema.all()));
    return errors;
  }
}
