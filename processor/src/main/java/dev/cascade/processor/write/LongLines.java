package dev.cascade.processor.write;

/**
 * Breaks a line that runs past 100 columns at its {@link Code#WRAP} marks, as JavaPoet did: a mark
 * becomes a space while the text up to the next mark (or the end of the line) still fits, and a
 * line break otherwise, the next line indented four columns more than the line began.
 */
final class LongLines {
  static final int LIMIT = 100;

  private LongLines() {}

  static String breakLines(String text) {
    if (text.indexOf(Code.WRAP) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 256);
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      line(text, start, end, out);
      if (end < text.length()) {
        out.append('\n');
      }
      start = end + 1;
    }
    return out.toString();
  }

  private static void line(String text, int start, int end, StringBuilder out) {
    int mark = text.indexOf(Code.WRAP, start);
    if (mark < 0 || mark >= end) {
      out.append(text, start, end);
      return;
    }
    int indent = 0;
    while (start + indent < end && text.charAt(start + indent) == ' ') {
      indent++;
    }
    String continuation = " ".repeat(indent + 4);
    out.append(text, start, mark);
    int column = mark - start;
    while (mark < end) {
      int next = text.indexOf(Code.WRAP, mark + 1);
      next = next < 0 || next > end ? end : next;
      int length = next - mark - 1;
      if (column + 1 + length <= LIMIT) {
        out.append(' ');
        column += 1 + length;
      } else {
        out.append('\n').append(continuation);
        column = continuation.length() + length;
      }
      out.append(text, mark + 1, next);
      mark = next;
    }
  }
}
