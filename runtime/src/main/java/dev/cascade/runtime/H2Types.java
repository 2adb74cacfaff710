package dev.cascade.runtime;

import dev.cascade.runtime.internal.PlainSqlParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Writes a column's type as H2 2.x declares it, from a row of its {@code INFORMATION_SCHEMA.COLUMNS}
 * (or {@code ELEMENT_TYPES}, for an array's elements): the data type with its length, precision
 * and scale as declared ({@code NUMERIC(12, 4)}, {@code CHARACTER VARYING(40)}, {@code
 * TIMESTAMP(3) WITH TIME ZONE}, {@code INTERVAL DAY(2) TO SECOND(6)}), an enum with its values, an
 * array with its element type and cardinality, a domain by its name.
 */
final class H2Types {
  static final String COLUMNS =
      "SELECT * FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?"
          + " ORDER BY ORDINAL_POSITION";
  private static final String ELEMENT =
      "SELECT * FROM INFORMATION_SCHEMA.ELEMENT_TYPES WHERE OBJECT_SCHEMA = CURRENT_SCHEMA"
          + " AND OBJECT_TYPE = 'TABLE' AND OBJECT_NAME = ? AND COLLECTION_TYPE_IDENTIFIER = ?";
  private static final String ENUM_VALUES =
      "SELECT VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES WHERE OBJECT_SCHEMA = CURRENT_SCHEMA"
          + " AND OBJECT_TYPE = 'TABLE' AND OBJECT_NAME = ? AND ENUM_IDENTIFIER = ? ORDER BY VALUE_ORDINAL";
  private static final List<String> SIZED =
      List.of(
          "CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE", "CHARACTER LARGE OBJECT", "BINARY",
          "BINARY VARYING", "BINARY LARGE OBJECT", "JAVA_OBJECT", "JSON");

  private final Handle handle;
  private final String table;

  /** @param table the table as H2 stores its name */
  H2Types(Handle handle, String table) {
    this.handle = handle;
    this.table = table;
  }

  /** The type of the column (or array element) this row describes; keys in lower case. */
  String of(Map<String, Object> row) {
    if (row.get("domain_name") != null) {
      return quote(row.get("domain_schema")) + "." + quote(row.get("domain_name"));
    }
    // Upper case, as H2 in another database's mode with DATABASE_TO_LOWER=TRUE reports it in lower
    // case (a newcomer's trial: an enum came out as "enum" with no values, a text without length).
    String dataType = ((String) row.get("data_type")).toUpperCase(Locale.ROOT);
    if (SIZED.contains(dataType)) {
      return dataType + "(" + row.get("character_maximum_length") + ")";
    }
    return switch (dataType) {
      case "TIME", "TIMESTAMP" -> dataType + "(" + row.get("datetime_precision") + ")";
      case "TIME WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE" ->
          dataType.replace(" WITH", "(" + row.get("datetime_precision") + ") WITH");
      case "INTERVAL" -> interval(row);
      case "ENUM" -> enumeration(row);
      case "ARRAY" -> array(row);
      case "GEOMETRY" -> geometry(row);
      case "ROW" ->
          throw new CascadeException(
              "cannot copy the type of column " + table + "." + row.get("column_name")
                  + " (ROW) from H2's metadata; write this trash table's DDL by hand");
      default -> declared(row, dataType);
    };
  }

  /** Numbers as declared: {@code NUMERIC(12, 4)}, {@code FLOAT(10)}, {@code DECFLOAT}; others by name. */
  private static String declared(Map<String, Object> row, String dataType) {
    Object declared = row.get("declared_data_type");
    if (declared == null) {
      return dataType;
    }
    Object precision = row.get("declared_numeric_precision");
    Object scale = row.get("declared_numeric_scale");
    if (precision == null) {
      return declared.toString();
    }
    return declared + "(" + precision + (scale == null ? "" : ", " + scale) + ")";
  }

  /** {@code INTERVAL YEAR(3)}, {@code INTERVAL DAY(2) TO SECOND(6)}, {@code INTERVAL SECOND(2, 3)}. */
  private static String interval(Map<String, Object> row) {
    String[] fields = ((String) row.get("interval_type")).toUpperCase(Locale.ROOT).split(" TO ");
    Object leading = row.get("interval_precision");
    Object fraction = row.get("datetime_precision");
    if (fields.length == 1) {
      return "INTERVAL " + fields[0] + "(" + leading + (fields[0].equals("SECOND") ? ", " + fraction : "") + ")";
    }
    return "INTERVAL " + fields[0] + "(" + leading + ") TO " + fields[1]
        + (fields[1].equals("SECOND") ? "(" + fraction + ")" : "");
  }

  private String enumeration(Map<String, Object> row) {
    List<String> values =
        PlainSqlParser.apply(handle.createQuery(ENUM_VALUES))
            .bind(0, table)
            .bind(1, row.get("dtd_identifier"))
            .mapTo(String.class)
            .list();
    return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", ", "ENUM(", ")"));
  }

  private String array(Map<String, Object> row) {
    Map<String, Object> element =
        PlainSqlParser.apply(handle.createQuery(ELEMENT)).bind(0, table).bind(1, row.get("dtd_identifier")).mapToMap()
            .one();
    return of(element) + " ARRAY[" + row.get("maximum_cardinality") + "]";
  }

  private static String geometry(Map<String, Object> row) {
    Object type = row.get("geometry_type");
    Object srid = row.get("geometry_srid");
    if (type == null) {
      return "GEOMETRY";
    }
    return "GEOMETRY(" + type + (srid == null ? "" : ", " + srid) + ")";
  }

  private static String quote(Object name) {
    return "\"" + name.toString().replace("\"", "\"\"") + "\"";
  }
}
