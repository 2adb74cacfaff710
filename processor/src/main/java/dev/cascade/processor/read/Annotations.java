package dev.cascade.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotation mirrors by name. Mirrors, not reflection: class literals must be read as type
 * mirrors, and whether an attribute was written must be told from one left at its default.
 */
final class Annotations {
  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  static Optional<AnnotationMirror> find(Element element, String annotationType) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationType)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /**
   * Every annotation of a repeatable type on the element, in declaration order, whether written
   * once or held by its container.
   */
  static List<AnnotationMirror> findRepeated(
      Element element, String annotationType, String containerType) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationType)) {
        found.add(mirror);
      } else if (type.getQualifiedName().contentEquals(containerType)) {
        for (AnnotationValue inner : list(written(mirror, "value").orElseThrow())) {
          found.add((AnnotationMirror) inner.getValue());
        }
      }
    }
    return found;
  }

  /** The attribute's value as written; empty when it was left at its default. */
  static Optional<AnnotationValue> written(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** The attribute's value, written or default. */
  AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + name + " on " + mirror);
  }

  String string(AnnotationMirror mirror, String name) {
    return (String) value(mirror, name).getValue();
  }

  /** The name of the enum constant an attribute holds. */
  String enumConstant(AnnotationMirror mirror, String name) {
    return ((VariableElement) value(mirror, name).getValue()).getSimpleName().toString();
  }

  /**
   * The types named by a class-literal attribute ({@code Class<?>} or {@code Class<?>[]}), or
   * empty when one of them does not exist (yet): the caller defers.
   */
  Optional<List<TypeMirror>> types(AnnotationMirror mirror, String name) {
    AnnotationValue value = value(mirror, name);
    List<AnnotationValue> values =
        value.getValue() instanceof List<?> ? list(value) : List.of(value);
    List<TypeMirror> types = new ArrayList<>();
    for (AnnotationValue each : values) {
      if (!(each.getValue() instanceof TypeMirror type) || type.getKind() == TypeKind.ERROR) {
        return Optional.empty();
      }
      types.add(type);
    }
    return Optional.of(types);
  }

  /**
   * The name of the type of a class-literal attribute that could not be read, where the compiler
   * kept one: javac keeps no name for a class literal it cannot resolve, and prints it as {@code
   * <error>}.
   */
  Optional<String> missingName(AnnotationMirror mirror, String name) {
    AnnotationValue value = value(mirror, name);
    List<AnnotationValue> values =
        value.getValue() instanceof List<?> ? list(value) : List.of(value);
    for (AnnotationValue each : values) {
      if (!(each.getValue() instanceof TypeMirror type)) {
        return Optional.empty();
      }
      if (type.getKind() == TypeKind.ERROR) {
        return Optional.of(type.toString());
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static List<AnnotationValue> list(AnnotationValue value) {
    return (List<AnnotationValue>) value.getValue();
  }
}
