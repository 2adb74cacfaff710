package dev.cascade.processor.diagnostic;

import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic.Kind;

/** Hands diagnostics to javac, pointing at the element, annotation and attribute at fault. */
public final class DiagnosticReporter {
  private final Messager messager;

  public DiagnosticReporter(Messager messager) {
    this.messager = messager;
  }

  public void report(Diagnostic diagnostic) {
    var origin = diagnostic.origin();
    if (origin.element() == null) {
      messager.printMessage(Kind.ERROR, diagnostic.text());
    } else if (origin.annotation() == null) {
      messager.printMessage(Kind.ERROR, diagnostic.text(), origin.element());
    } else {
      Optional<AnnotationValue> value =
          diagnostic.attribute().flatMap(name -> writtenValue(origin.annotation(), name));
      if (value.isPresent()) {
        messager.printMessage(
            Kind.ERROR, diagnostic.text(), origin.element(), origin.annotation(), value.get());
      } else {
        messager.printMessage(Kind.ERROR, diagnostic.text(), origin.element(), origin.annotation());
      }
    }
  }

  /** The attribute's value as written in source; empty when it was left at its default. */
  private static Optional<AnnotationValue> writtenValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }
}
