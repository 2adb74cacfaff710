package dev.cascade.processor.diagnostic;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.cascade.processor.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * Hands diagnostics to javac, pointing at the element, annotation and attribute at fault.
 *
 * <p>Two places javac's {@code Messager} cannot find by itself are looked up here: a record
 * component (javac 17 has no position for it, so the error goes on the component's field, which
 * javac declares at the same place), and an annotation held by its container, as a repeated
 * {@code @HasMany} is (found through javac's trees, when the compiler offers them).
 */
public final class DiagnosticReporter {
  private final Messager messager;
  private final Optional<Trees> trees;

  public DiagnosticReporter(Messager messager) {
    this(messager, Optional.empty());
  }

  /** A reporter that also uses javac's trees to point at repeated annotations. */
  public DiagnosticReporter(ProcessingEnvironment env) {
    this(env.getMessager(), treesOf(env));
  }

  private DiagnosticReporter(Messager messager, Optional<Trees> trees) {
    this.messager = messager;
    this.trees = trees;
  }

  public void report(Diagnostic diagnostic) {
    var origin = diagnostic.origin();
    Element element = positioned(origin.element());
    AnnotationMirror annotation = origin.annotation();
    if (element == null) {
      messager.printMessage(Kind.ERROR, diagnostic.text());
    } else if (annotation == null) {
      messager.printMessage(Kind.ERROR, diagnostic.text(), element);
    } else if (!heldByContainer(element, annotation)
        || !reportInSource(diagnostic, element, annotation)) {
      Optional<AnnotationValue> value =
          diagnostic.attribute().flatMap(name -> writtenValue(annotation, name));
      if (value.isPresent()) {
        messager.printMessage(Kind.ERROR, diagnostic.text(), element, annotation, value.get());
      } else {
        messager.printMessage(Kind.ERROR, diagnostic.text(), element, annotation);
      }
    }
  }

  /** The element javac can place: a record component's field stands for the component. */
  private static Element positioned(Element element) {
    if (element == null || element.getKind() != ElementKind.RECORD_COMPONENT) {
      return element;
    }
    for (VariableElement field :
        ElementFilter.fieldsIn(element.getEnclosingElement().getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(element.getSimpleName())) {
        return field;
      }
    }
    return element;
  }

  /** Whether the annotation is one of several of its type, held by their container. */
  private static boolean heldByContainer(Element element, AnnotationMirror annotation) {
    return element.getAnnotationMirrors().stream().noneMatch(m -> m == annotation)
        && indexOf(repeated(element, annotation), annotation) >= 0;
  }

  /**
   * Reports on the annotation's own source tree (and its attribute's, when written): the n-th
   * annotation of its type written on the element is the n-th one its container holds.
   */
  private boolean reportInSource(Diagnostic diagnostic, Element element, AnnotationMirror annotation) {
    if (trees.isEmpty()) {
      return false;
    }
    TreePath path = trees.get().getPath(element);
    ModifiersTree modifiers = path == null ? null : modifiers(path.getLeaf());
    if (modifiers == null) {
      return false;
    }
    Element type = annotation.getAnnotationType().asElement();
    List<AnnotationTree> written = new ArrayList<>();
    for (AnnotationTree tree : modifiers.getAnnotations()) {
      Element named =
          trees.get().getElement(new TreePath(new TreePath(path, tree), tree.getAnnotationType()));
      if (type.equals(named)) {
        written.add(tree);
      }
    }
    int index = indexOf(repeated(element, annotation), annotation);
    if (index < 0 || index >= written.size()) {
      return false;
    }
    AnnotationTree tree = written.get(index);
    Tree at = diagnostic.attribute().flatMap(name -> argument(tree, name)).orElse(tree);
    trees.get().printMessage(Kind.ERROR, diagnostic.text(), at, path.getCompilationUnit());
    return true;
  }

  /** The annotations of the given one's type on the element, in order, unwrapping containers. */
  private static List<AnnotationMirror> repeated(Element element, AnnotationMirror annotation) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (sameType(mirror, annotation)) {
        found.add(mirror);
      }
      for (AnnotationValue value : mirror.getElementValues().values()) {
        if (value.getValue() instanceof List<?> values) {
          for (Object each : values) {
            if (each instanceof AnnotationValue inner
                && inner.getValue() instanceof AnnotationMirror held
                && sameType(held, annotation)) {
              found.add(held);
            }
          }
        }
      }
    }
    return found;
  }

  private static boolean sameType(AnnotationMirror one, AnnotationMirror other) {
    return one.getAnnotationType().asElement().equals(other.getAnnotationType().asElement());
  }

  private static int indexOf(List<AnnotationMirror> mirrors, AnnotationMirror annotation) {
    for (int i = 0; i < mirrors.size(); i++) {
      if (mirrors.get(i) == annotation) {
        return i;
      }
    }
    return -1;
  }

  /** The expression written for an attribute: {@code name = ...}, or the lone {@code value}. */
  private static Optional<ExpressionTree> argument(AnnotationTree annotation, String name) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment) {
        if (assignment.getVariable() instanceof IdentifierTree id
            && id.getName().contentEquals(name)) {
          return Optional.of(assignment.getExpression());
        }
      } else if (name.equals("value")) {
        return Optional.of(argument);
      }
    }
    return Optional.empty();
  }

  private static ModifiersTree modifiers(Tree declaration) {
    if (declaration instanceof ClassTree type) {
      return type.getModifiers();
    }
    if (declaration instanceof MethodTree method) {
      return method.getModifiers();
    }
    if (declaration instanceof VariableTree variable) {
      return variable.getModifiers();
    }
    return null;
  }

  /** javac's trees; empty under another compiler, or a wrapped environment that hides them. */
  private static Optional<Trees> treesOf(ProcessingEnvironment env) {
    try {
      return Optional.of(Trees.instance(env));
    } catch (IllegalArgumentException | LinkageError e) {
      return Optional.empty();
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
