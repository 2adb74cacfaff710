package dev.cascade.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where a fact of the model was written, so that an error can point at it: an element and, when an
 * annotation says it, that annotation. Both are null in models built by hand in tests.
 */
public record Origin(Element element, AnnotationMirror annotation) {

  /** For models built without a compiler, as planner tests do. */
  public static final Origin NONE = new Origin(null, null);

  public static Origin of(Element element) {
    return new Origin(element, null);
  }

  public static Origin of(Element element, AnnotationMirror annotation) {
    return new Origin(element, annotation);
  }
}
