package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The requested ids of one call: checked, without repeats, in the order given, all of one class
 * (so that they bind as one SQL type).
 */
final class Keys {
  private static final int SHOWN = 10;

  /** Whole numbers of any width, which a whole-number key takes alike. */
  private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Long.class, Integer.class, Short.class, Byte.class);

  private final String table;
  private final List<Object> ids;

  private Keys(String table, List<Object> ids) {
    this.table = table;
    this.ids = ids;
  }

  static Keys of(String table, Collection<?> ids) {
    if (ids == null) {
      throw new CascadeException(table + ": the id list is null; pass an empty list to delete nothing");
    }
    List<Object> distinct = new ArrayList<>(ids.size());
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (Object id : new LinkedHashSet<>(ids)) {
      if (id == null) {
        throw new CascadeException(
            ids.size() == 1
                ? table + ": the id is null; pass the key of a row"
                : table + ": ids must not be null; got " + ids.size() + " ids with a null among them");
      }
      distinct.add(id);
      classes.add(id.getClass());
    }
    if (classes.size() > 1) {
      return new Keys(table, oneClass(table, distinct, classes));
    }
    return new Keys(table, List.copyOf(distinct));
  }

  /**
   * The ids a caller passed for a key of this type: one of another type, which only unchecked code
   * can pass (a raw {@code Collection}), is refused before anything runs, rather than left to the
   * database, which may convert it (MariaDB took the id {@code "1"} as 1 and {@code "abc"} as no
   * row, where H2 failed; a newcomer's trial).
   */
  static Keys of(String table, Class<?> keyType, Collection<?> ids) {
    Keys keys = of(table, ids);
    KeyType expected = KeyType.of(keyType); // OTHER, a mapped type, is left to JDBI
    boolean whole = expected.isNumber() || keyType == byte.class || keyType == Byte.class; // bytes are OTHER there
    for (Object id : keys.ids) {
      boolean fits =
          whole ? WHOLE_NUMBERS.contains(id.getClass()) : expected == KeyType.OTHER || expected.javaType().isInstance(id);
      if (!fits) {
        throw new CascadeException(
            table + " takes ids of type " + keyType.getSimpleName() + ", not " + id.getClass().getName() + " ('" + id
                + "'), which unchecked code passed; nothing was changed: pass ids of the key's type");
      }
    }
    return keys;
  }

  /**
   * Ids of several classes, which only unchecked code can pass: whole numbers of several widths
   * become {@code Long}s (a {@code BIGINT} compares with any integer column); anything else is
   * refused, since no one SQL type fits them.
   */
  private static List<Object> oneClass(String table, List<Object> ids, Set<Class<?>> classes) {
    if (!WHOLE_NUMBERS.containsAll(classes)) {
      throw new CascadeException(
          table + ": the ids mix " + classes.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
              + "; pass ids of the key's type only");
    }
    Set<Object> longs = new LinkedHashSet<>();
    ids.forEach(id -> longs.add(((Number) id).longValue()));
    return List.copyOf(longs);
  }

  List<Object> ids() {
    return ids;
  }

  boolean isEmpty() {
    return ids.isEmpty();
  }

  String table() {
    return table;
  }

  /**
   * The records in the order of these ids, whatever order the database returned them in; a record
   * whose key equals none of the ids (a string key the database compared without regard to case)
   * comes after them, in the database's order.
   */
  <T> List<T> inOrder(List<T> records, Function<T, ?> keyOf) {
    Map<Object, Integer> position = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      position.put(comparable(ids.get(i)), i);
    }
    List<T> ordered = new ArrayList<>(records);
    ordered.sort(Comparator.comparingInt(r -> position.getOrDefault(comparable(keyOf.apply(r)), ids.size())));
    return ordered;
  }

  /**
   * The ids that none of the keys found equals, in the order given; none when as many keys found
   * equal no id, which the database then matched by its own rules (a string key compared without
   * regard to case).
   */
  List<Object> missingFrom(List<Object> found) {
    Set<Object> requested = new HashSet<>();
    ids.forEach(id -> requested.add(comparable(id)));
    Set<Object> present = new HashSet<>();
    long unmatched = 0;
    for (Object key : found) {
      present.add(comparable(key));
      unmatched += requested.contains(comparable(key)) ? 0 : 1;
    }
    List<Object> missing = ids.stream().filter(id -> !present.contains(comparable(id))).toList();
    return unmatched >= missing.size() ? List.of() : missing;
  }

  /** Whole numbers compare by value whatever their width: an {@code int} key found for a long. */
  static Object comparable(Object key) {
    return key instanceof Integer || key instanceof Short || key instanceof Byte ? ((Number) key).longValue() : key;
  }

  /** {@code 5}, {@code [5, 6]}, or the first ten and how many more. */
  String describe() {
    if (ids.size() == 1) {
      return String.valueOf(ids.get(0));
    }
    String shown = ids.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
    return "[" + shown + (ids.size() > SHOWN ? ", ... " + ids.size() + " ids in all" : "") + "]";
  }

  /** {@code users 5}, for messages. */
  @Override
  public String toString() {
    return table + " " + describe();
  }
}
