package dev.cascade.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.cascade.processor.diagnostic.Diagnostic;
import dev.cascade.processor.diagnostic.DiagnosticReporter;
import dev.cascade.processor.diagnostic.Message;
import dev.cascade.processor.graph.RelationGraph;
import dev.cascade.processor.model.ColumnSpec;
import dev.cascade.processor.model.GeneratedNames;
import dev.cascade.processor.model.ModelSpec;
import dev.cascade.processor.model.Origin;
import dev.cascade.processor.model.RelationSpec;
import dev.cascade.processor.plan.ModelPlan;
import dev.cascade.processor.plan.Planner;
import dev.cascade.processor.read.CompiledModule;
import dev.cascade.processor.read.Schema;
import dev.cascade.processor.read.SchemaLoader;
import dev.cascade.processor.validate.Validation;
import dev.cascade.processor.write.DeleterWriter;
import dev.cascade.processor.write.RestorerWriter;
import dev.cascade.processor.write.ServicesWriter;
import dev.cascade.processor.write.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Cascade's annotation processor. Each round it reads the {@code @Table} records and every model
 * they reach, builds the relation graph, runs every check, and writes a deleter and a restorer for each model
 * whose connected models are free of errors. Every error of the round is reported at its end.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("dev.cascade.annotations.Table")
public final class CascadeProcessor extends AbstractProcessor {
  /** Records that named a type not generated yet, retried next round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  private final Set<String> written = new HashSet<>();

  /** The deleters written, for {@code META-INF/services}, written once processing is over. */
  private final Set<ClassName> deleters = new LinkedHashSet<>();

  /** The deleters written in each named module, whose {@code module-info} must provide them. */
  private final Map<String, ModuleDeleters> deletersByModule = new LinkedHashMap<>();

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    processRound(annotations, round);
    if (round.processingOver()) {
      try {
        ServicesWriter.write(processingEnv.getFiler(), processingEnv.getElementUtils(), deleters);
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(
            javax.tools.Diagnostic.Kind.ERROR, "cannot write " + ServicesWriter.PATH + ": " + e.getMessage());
      }
      deletersByModule.values().forEach(this::warnUnprovided);
    }
    return false;
  }

  private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    List<TypeElement> roots = new ArrayList<>();
    for (String name : deferred) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(name);
      if (element != null) {
        roots.add(element);
      }
    }
    deferred.clear();
    for (Element element : round.getElementsAnnotatedWithAny(annotations.toArray(new TypeElement[0]))) {
      if (element instanceof TypeElement type) {
        roots.add(type);
      }
    }
    if (roots.isEmpty()) {
      return;
    }

    Schema schema = new SchemaLoader(processingEnv.getElementUtils()).load(roots);
    if (!schema.missingTypes().isEmpty() && !round.processingOver()) {
      roots.forEach(root -> deferred.add(root.getQualifiedName().toString()));
      return;
    }

    RelationGraph graph = RelationGraph.of(schema.all());
    List<Diagnostic> errors = new ArrayList<>(Validation.check(schema, graph));
    schema
        .missingTypes()
        .forEach(
            (model, missing) ->
                errors.add(
                    Diagnostic.error(
                        Message.MISSING_TYPE,
                        Origin.of(processingEnv.getElementUtils().getTypeElement(model.canonicalName())),
                        model.simpleName(),
                        missing)));

    Set<TypeName> blocked = graph.connected(broken(schema, errors));
    List<ClassName> names = roots.stream().map(ClassName::get).toList();
    for (ClassName name : names) {
      schema.model(name).ifPresent(model -> generateUnlessBlocked(graph, model, blocked));
    }
    for (TypeName type : graph.connected(names)) {
      graph.model(type)
          .filter(model -> !written.contains(model.type().toString()))
          .filter(this::compiledEarlierHere)
          .ifPresent(model -> generateUnlessBlocked(graph, model, blocked));
    }

    DiagnosticReporter reporter = new DiagnosticReporter(processingEnv);
    errors.forEach(reporter::report);
  }

  private void generateUnlessBlocked(RelationGraph graph, ModelSpec model, Set<TypeName> blocked) {
    if (model.key().isPresent() && !blocked.contains(model.type()) && written.add(model.type().toString())) {
      generate(graph, model);
    }
  }

  /**
   * Whether a model this round did not compile is in its class output: compiled by an earlier build
   * of this module, whose generated classes read this round's models. A build that compiles some of
   * a module's models (an IDE's, or Maven's without incremental compilation) writes theirs again
   * too, where a newcomer's trial saw a parent's deleter keep copying a child's columns as they were
   * before the child gained one, which its restore then brought back null. A model from another
   * module's jar is not rewritten: its classes are that module's.
   */
  private boolean compiledEarlierHere(ModelSpec model) {
    if (!(model.origin().element() instanceof TypeElement type)) {
      return false;
    }
    String binary = processingEnv.getElementUtils().getBinaryName(type).toString();
    int dot = binary.lastIndexOf('.');
    try (InputStream in =
        processingEnv.getFiler()
            .getResource(StandardLocation.CLASS_OUTPUT, binary.substring(0, Math.max(dot, 0)), binary.substring(dot + 1) + ".class")
            .openInputStream()) {
      return true;
    } catch (IOException | IllegalArgumentException notThere) {
      return false;
    }
  }

  /** Models an error was found on, or that name a {@code @Table} type that is not a model. */
  private static Set<ClassName> broken(Schema schema, List<Diagnostic> errors) {
    Set<ClassName> broken = new HashSet<>(schema.missingTypes().keySet());
    for (Diagnostic error : errors) {
      for (Element e = error.origin().element(); e != null; e = e.getEnclosingElement()) {
        if (e instanceof TypeElement type) {
          broken.add(ClassName.get(type));
          break;
        }
      }
    }
    for (ModelSpec model : schema.all()) {
      boolean namesUnreadable =
          model.hasMany().stream().map(RelationSpec::child).anyMatch(schema.unreadable()::contains)
              || model.columns().stream()
                  .map(ColumnSpec::belongsTo)
                  .flatMap(List::stream)
                  .anyMatch(schema.unreadable()::contains);
      if (namesUnreadable) {
        broken.add(model.type());
      }
    }
    return broken;
  }

  private void generate(RelationGraph graph, ModelSpec model) {
    try {
      Optional<CompiledModule> module = CompiledModule.of(processingEnv, model.origin().element());
      boolean annotated = module.map(CompiledModule::readsJavaCompiler).orElse(true);
      ModelPlan plan = new Planner(graph).plan(model);
      write(DeleterWriter.write(plan, annotated));
      ClassName deleterName = GeneratedNames.deleter(model.type());
      deleters.add(deleterName);
      module.ifPresent(named -> {
        ModuleDeleters written = deletersByModule.computeIfAbsent(named.name(), name -> new ModuleDeleters(named));
        written.registrations().add(DeleterWriter.registration(deleterName).canonicalName());
        if (written.registrations().size() == 1) {
          tellAbout(named, annotated);
        }
      });
      write(RestorerWriter.write(plan, annotated));
    } catch (RuntimeException | IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              javax.tools.Diagnostic.Kind.ERROR,
              Message.UNEXPECTED_FAILURE.format(model.displayName(), e),
              model.origin().element());
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
    }
  }

  /** Says, on a module's first model, what its {@code module-info} lacks for the generated code. */
  private void tellAbout(CompiledModule module, boolean annotated) {
    if (!module.readsJavaSql()) {
      processingEnv.getMessager().printMessage(
          javax.tools.Diagnostic.Kind.ERROR, Message.MODULE_DOES_NOT_READ_JAVA_SQL.format(module.name()), module.element());
    }
    if (!annotated) {
      processingEnv.getMessager().printMessage(
          javax.tools.Diagnostic.Kind.NOTE, Message.GENERATED_NOT_READABLE.format(module.name()), module.element());
    }
  }

  /**
   * Warns, on the module, of the deleters its {@code module-info} does not provide: {@code
   * Journal.purge} finds deleters with a {@code ServiceLoader}, which in a named module reads {@code
   * provides}, not {@code META-INF/services}, so it would leave their operations alone.
   */
  private void warnUnprovided(ModuleDeleters written) {
    List<String> missing = written.module().unprovided(written.registrations());
    if (!missing.isEmpty()) {
      processingEnv.getMessager().printMessage(
          javax.tools.Diagnostic.Kind.WARNING,
          Message.DELETERS_NOT_PROVIDED.format(
              written.module().name(),
              String.join(", ", missing),
              CompiledModule.DELETER_SERVICE,
              String.join(", ", written.registrations())),
          written.module().element());
    }
  }

  /** The registrations of the deleters written in one named module. */
  private record ModuleDeleters(CompiledModule module, Set<String> registrations) {
    ModuleDeleters(CompiledModule module) {
      this(module, new TreeSet<>());
    }
  }

  private void write(SourceFile file) throws IOException {
    try (Writer out = processingEnv.getFiler().createSourceFile(file.name(), file.origin()).openWriter()) {
      out.write(file.text());
    }
  }
}
