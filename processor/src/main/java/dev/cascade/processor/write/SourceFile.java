package dev.cascade.processor.write;

import com.palantir.javapoet.ClassName;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * A generated compilation unit, ready for the {@code Filer}: its package, its imports, and its
 * class.
 *
 * @param name the class's canonical name
 * @param origin the record it was generated from, its originating element
 * @param text the whole file
 */
public record SourceFile(String name, Element origin, String text) {

  /**
   * The file of this class: the types {@code code} marks written by their simple names where the
   * file imports them (or needs no import), its long lines broken.
   *
   * @param nested the simple names of the classes nested in {@code type}
   */
  static SourceFile of(ClassName type, Element origin, Set<String> nested, Code code) {
    String marked = code.toString();
    TypeNames names = new TypeNames(type.packageName(), type.simpleName(), nested, marked);
    StringBuilder file = new StringBuilder(marked.length() + 2048);
    if (!type.packageName().isEmpty()) {
      file.append("package ").append(type.packageName()).append(";\n\n");
    }
    for (String imported : names.imports()) {
      file.append("import ").append(imported).append(";\n");
    }
    if (!names.imports().isEmpty()) {
      file.append('\n');
    }
    file.append(names.write(marked));
    return new SourceFile(type.canonicalName(), origin, LongLines.breakLines(file.toString()));
  }
}
