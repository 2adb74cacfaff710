package dev.cascade.it.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Inserts rows with plain SQL, for either flavour. */
abstract class FlavourSql implements ForumFlavour {
  /** @param values none null */
  @Override
  public Object insert(Handle handle, String table, Object key, Map<String, Object> values) {
    List<String> columns = new ArrayList<>(values.keySet());
    if (key != null) {
      columns.add(0, "id");
    }
    var insert = handle.createUpdate(
        "INSERT INTO " + table(table) + " (" + String.join(", ", columns) + ") VALUES (:" + String.join(", :", columns) + ")");
    for (String column : columns) {
      insert.bind(column, column.equals("id") ? key : values.get(column));
    }
    if (key != null) {
      insert.execute();
      return key;
    }
    return insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }
}
