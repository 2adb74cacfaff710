package dev.cascade.runtime.internal;

import dev.cascade.runtime.CascadeSchema;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;

/** Everything a generated restorer knows about its model, as the runtime needs it. */
public final class RestorePlan<T> {
  private final Class<T> type;
  private final String table;
  private final String keyColumn;
  private final Class<?> keyType;
  private final CascadeSchema schema;
  private final Sql selectRecords;
  private final RowMapper<T> rowMapper;
  private final Function<T, ?> key;
  private final Sql liveIds;
  private final Optional<SoftRestore> soft;
  private final TrashRestore trash;

  private RestorePlan(Builder<T> builder) {
    this.type = builder.type;
    this.table = builder.table;
    this.keyColumn = builder.keyColumn;
    this.keyType = builder.keyType;
    this.schema = builder.schema;
    this.selectRecords = Objects.requireNonNull(builder.selectRecords, "records");
    this.rowMapper = builder.rowMapper;
    this.key = builder.key;
    this.liveIds = Objects.requireNonNull(builder.liveIds, "liveIds");
    this.soft = Optional.ofNullable(builder.soft);
    this.trash = Objects.requireNonNull(builder.trash, "trash");
  }

  /**
   * @param keyType the key's class, boxed: keys are read back as this type
   * @param schema the deleter's tables, with the names their SQL quotes
   */
  public static <T> Builder<T> builder(
      Class<T> type, String table, String keyColumn, Class<?> keyType, CascadeSchema schema) {
    return new Builder<>(type, table, keyColumn, keyType, schema);
  }

  Class<T> type() {
    return type;
  }

  String table() {
    return table;
  }

  String keyColumn() {
    return keyColumn;
  }

  Class<?> keyType() {
    return keyType;
  }

  CascadeSchema schema() {
    return schema;
  }

  String trashTable() {
    return schema.cascadeTable(table).flatMap(CascadeSchema.Table::trashTable).orElse(table + "_trash");
  }

  Sql selectRecords() {
    return selectRecords;
  }

  RowMapper<T> rowMapper() {
    return rowMapper;
  }

  Object keyOf(T record) {
    return key.apply(record);
  }

  Sql liveIds() {
    return liveIds;
  }

  Optional<SoftRestore> soft() {
    return soft;
  }

  TrashRestore trash() {
    return trash;
  }

  /** Collects what generated code knows about restoring a model. */
  public static final class Builder<T> {
    private final Class<T> type;
    private final String table;
    private final String keyColumn;
    private final Class<?> keyType;
    private final CascadeSchema schema;
    private Sql selectRecords;
    private RowMapper<T> rowMapper;
    private Function<T, ?> key;
    private Sql liveIds;
    private SoftRestore soft;
    private TrashRestore trash;

    private Builder(Class<T> type, String table, String keyColumn, Class<?> keyType, CascadeSchema schema) {
      this.type = type;
      this.table = table;
      this.keyColumn = keyColumn;
      this.keyType = keyType;
      this.schema = schema;
    }

    /** How to load records by {@code <ids>}, with their mapper and key. */
    public Builder<T> records(String select, RowMapper<T> mapper, Function<T, ?> key) {
      this.selectRecords = Sql.of(select);
      this.rowMapper = mapper;
      this.key = key;
      return this;
    }

    /** Which requested ids exist and are not deleted. */
    public Builder<T> liveIds(String sql) {
      this.liveIds = Sql.of(sql);
      return this;
    }

    public Builder<T> soft(SoftRestore soft) {
      this.soft = soft;
      return this;
    }

    public Builder<T> trash(TrashRestore trash) {
      this.trash = trash;
      return this;
    }

    public RestorePlan<T> build() {
      return new RestorePlan<>(this);
    }
  }
}
