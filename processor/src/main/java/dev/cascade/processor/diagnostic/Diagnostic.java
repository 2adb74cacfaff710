package dev.cascade.processor.diagnostic;

import dev.cascade.processor.model.Origin;
import java.util.Optional;

/**
 * One compile error, as a value: which message, its text, and where it points (an element, and
 * when an annotation attribute is at fault, that annotation and attribute).
 */
public record Diagnostic(Message message, String text, Origin origin, Optional<String> attribute) {

  public static Diagnostic error(Message message, Origin origin, Object... args) {
    return new Diagnostic(message, message.format(args), origin, Optional.empty());
  }

  /** The same error, pointing at one attribute of the origin's annotation. */
  public Diagnostic onAttribute(String name) {
    return new Diagnostic(message, text, origin, Optional.of(name));
  }

  @Override
  public String toString() {
    return message + ": " + text;
  }
}
