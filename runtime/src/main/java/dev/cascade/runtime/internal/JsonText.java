package dev.cascade.runtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's two small JSON texts: a list of keys as strings ({@code ["1","2"]}) and rows by
 * table ({@code {"users":1,"posts":3}}), written and read back without a JSON library.
 */
final class JsonText {
  private JsonText() {}

  static String strings(List<?> values) {
    StringBuilder json = new StringBuilder(values.size() * 8 + 2).append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      string(json, String.valueOf(values.get(i)));
    }
    return json.append(']').toString();
  }

  static String counts(Map<String, Long> counts) {
    StringBuilder json = new StringBuilder().append('{');
    boolean first = true;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      string(json, entry.getKey());
      json.append(':').append(entry.getValue());
    }
    return json.append('}').toString();
  }

  /** A JSON string, quoted and escaped. */
  static void string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    json.append('"');
  }

  static List<String> readStrings(String json) {
    Reader in = new Reader(json);
    List<String> values = new ArrayList<>();
    in.expect('[');
    if (!in.take(']')) {
      do {
        values.add(in.string());
      } while (in.take(','));
      in.expect(']');
    }
    return values;
  }

  static Map<String, Long> readCounts(String json) {
    Reader in = new Reader(json);
    Map<String, Long> counts = new LinkedHashMap<>();
    in.expect('{');
    if (!in.take('}')) {
      do {
        String key = in.string();
        in.expect(':');
        counts.put(key, in.number());
      } while (in.take(','));
      in.expect('}');
    }
    return counts;
  }

  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    boolean take(char c) {
      skipSpaces();
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!take(c)) {
        throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + text);
      }
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (text.charAt(at) != '"') {
        char c = text.charAt(at++);
        if (c == '\\') {
          char escaped = text.charAt(at++);
          if (escaped == 'u') {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          } else {
            out.append(escaped);
          }
        } else {
          out.append(c);
        }
      }
      at++;
      return out.toString();
    }

    long number() {
      skipSpaces();
      int start = at;
      while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
        at++;
      }
      return Long.parseLong(text.substring(start, at));
    }

    private void skipSpaces() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }
}
