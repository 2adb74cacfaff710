package dev.cascade.processor.read;

import com.sun.source.tree.DirectiveTree;
import com.sun.source.tree.ModuleTree;
import com.sun.source.tree.ProvidesTree;
import com.sun.source.tree.RequiresTree;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The named module a model is compiled in, read from its {@code module-info.java}, which decides
 * what the generated code may name and how {@code Journal.purge} finds the generated deleters.
 *
 * <p>It reads the declaration's source tree, not the {@link ModuleElement}'s directives: asking
 * javac 17 for those during processing resolves the module's {@code provides} before the classes it
 * names are generated, and javac then reports that a generated {@code Registration} "does not have a
 * default constructor".
 *
 * @param element the module
 * @param declaration its {@code module-info.java}
 * @param elements to look up the modules it requires
 */
public record CompiledModule(ModuleElement element, ModuleTree declaration, Elements elements) {
  /** The service that {@code Journal.purge} loads: every deleter's nested {@code Registration}. */
  public static final String DELETER_SERVICE = "dev.cascade.runtime.internal.GeneratedDeleter";

  /**
   * The named module this element is compiled in; empty on the class path, and with a compiler
   * that gives no source trees (where the generated code is as on the class path).
   */
  public static Optional<CompiledModule> of(ProcessingEnvironment env, Element element) {
    Elements elements = env.getElementUtils();
    ModuleElement module = elements.getModuleOf(element);
    if (module == null || module.isUnnamed()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Trees.instance(env).getTree(module))
          .filter(ModuleTree.class::isInstance)
          .map(tree -> new CompiledModule(module, (ModuleTree) tree, elements));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return Optional.empty();
    }
  }

  /** The module's name. */
  public String name() {
    return element.getQualifiedName().toString();
  }

  /**
   * Whether code in it can name {@code javax.annotation.processing.Generated}: whether it reads
   * {@code java.compiler}.
   */
  public boolean readsJavaCompiler() {
    return reads("java.compiler");
  }

  /**
   * Whether code in it can name {@code java.sql.ResultSet}, as the generated row mappers do: whether
   * it reads {@code java.sql}.
   */
  public boolean readsJavaSql() {
    return reads("java.sql");
  }

  /** Whether it reads this module: requires it, or a module that requires it transitively. */
  private boolean reads(String wanted) {
    Deque<String> toVisit = new ArrayDeque<>();
    for (DirectiveTree directive : declaration.getDirectives()) {
      if (directive instanceof RequiresTree requires) {
        toVisit.add(requires.getModuleName().toString());
      }
    }
    Set<String> seen = new HashSet<>();
    while (!toVisit.isEmpty()) {
      String name = toVisit.remove();
      if (name.equals(wanted)) {
        return true;
      }
      ModuleElement required = seen.add(name) ? elements.getModuleElement(name) : null;
      if (required != null) {
        ElementFilter.requiresIn(required.getDirectives()).stream()
            .filter(ModuleElement.RequiresDirective::isTransitive)
            .forEach(r -> toVisit.add(r.getDependency().getQualifiedName().toString()));
      }
    }
    return false;
  }

  /**
   * Of these registrations (canonical names), those its {@code module-info.java} does not name in
   * a {@code provides dev.cascade.runtime.internal.GeneratedDeleter with ...}.
   */
  public List<String> unprovided(Collection<String> registrations) {
    Set<String> provided = new HashSet<>();
    for (DirectiveTree directive : declaration.getDirectives()) {
      if (directive instanceof ProvidesTree provides
          && provides.getServiceName().toString().equals(DELETER_SERVICE)) {
        provides.getImplementationNames().forEach(name -> provided.add(name.toString()));
      }
    }
    return registrations.stream().filter(r -> !provided.contains(r)).toList();
  }
}
