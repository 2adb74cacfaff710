package dev.cascade.processor.read;

import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.model.ModelSpec;

/** What reading one {@code @Table} element gave. */
public sealed interface Reading {

  /** The element was read into a model. */
  record Read(ModelSpec model) implements Reading {}

  /** The element cannot be a model at all, for example a class rather than a record. */
  record Failed(Diagnostic diagnostic) implements Reading {}

  /** The element names a type that does not exist yet; try again in a later round. */
  record Deferred(String missingType) implements Reading {}
}
