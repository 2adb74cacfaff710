package dev.cascade.processor.write;

import java.util.ArrayList;
import java.util.List;

/**
 * The class file's limit on one String constant: its modified UTF-8 form (JVMS 4.4.7) holds at most
 * 65,535 bytes. javac folds a {@code +} of compile-time constants into one constant, so a statement
 * that names long subqueries can pass the limit although each of its literals is short; javac then
 * stops with "constant string too long".
 */
final class ConstantLength {
  static final int LIMIT = 65_535;

  private ConstantLength() {}

  /**
   * The text's length in modified UTF-8: one byte for {@code \u0001} to {@code \u007f}, two for
   * {@code \u0000} and up to {@code \u07ff}, three for any other char (each half of a surrogate pair
   * on its own).
   */
  static int of(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      length += of(text.charAt(i));
    }
    return length;
  }

  /**
   * The text cut into pieces of at most {@code limit} bytes each, in order, never between the two
   * halves of a surrogate pair; the text itself as the only piece when it fits.
   */
  static List<String> split(String text, int limit) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      boolean pair = Character.isHighSurrogate(text.charAt(i))
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      int width = of(text.charAt(i)) + (pair ? of(text.charAt(i + 1)) : 0);
      if (length + width > limit && i > start) {
        pieces.add(text.substring(start, i));
        start = i;
        length = 0;
      }
      length += width;
      if (pair) {
        i++;
      }
    }
    pieces.add(text.substring(start));
    return pieces;
  }

  private static int of(char c) {
    if (c >= '\u0001' && c <= '\u007f') {
      return 1;
    }
    return c <= '\u07ff' ? 2 : 3;
  }
}
