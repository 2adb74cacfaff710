package dev.cascade.processor.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one generated file writes the types its {@link Code} marks, and what it imports: a type by
 * its simple name where that name means it in the file, in full where another type, a class of
 * the same package or a class nested in the file's own holds the name first.
 */
final class TypeNames {
  private final Map<String, String> written = new HashMap<>();
  private final TreeSet<String> imports = new TreeSet<>();

  /**
   * @param packageName the file's package
   * @param simpleName the file's top-level class
   * @param nested the classes nested in it, whose names hide any other type's
   * @param text the file's code, its types marked
   */
  TypeNames(String packageName, String simpleName, Set<String> nested, String text) {
    List<String[]> types = marked(text);
    Set<String> taken = new HashSet<>(nested);
    taken.add(simpleName);
    for (String[] type : types) {
      if (type[0].equals(packageName)) {
        taken.add(topLevel(type[1]));
      }
    }
    Map<String, String> chosen = new HashMap<>();
    for (String[] type : types) {
      String packageOf = type[0];
      String names = type[1];
      String top = topLevel(names);
      String full = packageOf.isEmpty() ? names : packageOf + "." + names;
      if (packageOf.equals(packageName)) {
        boolean own = top.equals(simpleName);
        boolean hidden = !own && nested.contains(top);
        written.put(key(type), hidden ? full : own && !names.equals(top) ? names.substring(top.length() + 1) : names);
        continue;
      }
      String topFull = packageOf.isEmpty() ? top : packageOf + "." + top;
      String holder = chosen.get(top);
      if (holder == null && !taken.contains(top)) {
        chosen.put(top, topFull);
        holder = topFull;
        if (!packageOf.equals("java.lang") && !packageOf.isEmpty()) {
          imports.add(topFull);
        }
      }
      written.put(key(type), topFull.equals(holder) ? names : full);
    }
  }

  /** The imports, sorted. */
  TreeSet<String> imports() {
    return imports;
  }

  /** The text with every marked type written as this file names it. */
  String write(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf(Code.TYPE_START, i);
      if (start < 0) {
        out.append(text, i, text.length());
        break;
      }
      int end = text.indexOf(Code.TYPE_END, start);
      out.append(text, i, start).append(written.get(text.substring(start + 1, end)));
      i = end + 1;
    }
    return out.toString();
  }

  /** Each marked type, as its package and its simple names joined by dots, in order of first use. */
  private static List<String[]> marked(String text) {
    List<String[]> types = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int start = text.indexOf(Code.TYPE_START);
    while (start >= 0) {
      int end = text.indexOf(Code.TYPE_END, start);
      String marked = text.substring(start + 1, end);
      if (seen.add(marked)) {
        int split = marked.indexOf(Code.TYPE_PACKAGE_END);
        types.add(new String[] {marked.substring(0, split), marked.substring(split + 1)});
      }
      start = text.indexOf(Code.TYPE_START, end);
    }
    return types;
  }

  private static String key(String[] type) {
    return type[0] + Code.TYPE_PACKAGE_END + type[1];
  }

  private static String topLevel(String names) {
    int dot = names.indexOf('.');
    return dot < 0 ? names : names.substring(0, dot);
  }
}
