package dev.cascade.runtime.internal;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.runtime.CascadeSchema;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;

/** Everything a generated deleter knows about its model, as the runtime needs it. */
public final class DeletePlan<T> {
  private final Class<T> type;
  private final String table;
  private final String keyColumn;
  private final Class<?> keyType;
  private final CascadeSchema schema;
  private final Sql selectRoots;
  private final RowMapper<T> rowMapper;
  private final Function<T, ?> key;
  private final Optional<Function<T, ?>> deletedAt;
  private final Optional<DeleteStrategy> writtenStrategy;
  private final Map<DeleteStrategy, Strategy> strategies;
  private final Optional<String> softUnsupported;
  private final Map<String, String> trees;

  private DeletePlan(Builder<T> builder) {
    this.type = builder.type;
    this.table = builder.table;
    this.keyColumn = builder.keyColumn;
    this.keyType = builder.keyType;
    this.schema = builder.schema;
    this.selectRoots = Objects.requireNonNull(builder.selectRoots, "records");
    this.rowMapper = builder.rowMapper;
    this.key = builder.key;
    this.deletedAt = Optional.ofNullable(builder.deletedAt);
    this.writtenStrategy = builder.writtenStrategy;
    this.strategies = builder.strategies;
    this.softUnsupported = builder.softUnsupported;
    this.trees = Map.copyOf(builder.trees);
  }

  /**
   * @param keyType the key's class, boxed
   * @param schema the tables the deleter touches, with the names their SQL quotes
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

  Sql selectRoots() {
    return selectRoots;
  }

  RowMapper<T> rowMapper() {
    return rowMapper;
  }

  Object keyOf(T record) {
    return key.apply(record);
  }

  /** Whether the record is soft-deleted: its soft-delete column holds a time. */
  boolean softDeleted(T record) {
    return deletedAt.map(column -> column.apply(record) != null).orElse(false);
  }

  /** The root table's soft-delete column, when it has one. */
  Optional<String> softDeleteColumn() {
    return schema.cascadeTable(table).flatMap(CascadeSchema.Table::softDeleteColumn);
  }

  Optional<DeleteStrategy> writtenStrategy() {
    return writtenStrategy;
  }

  Optional<Strategy> strategy(DeleteStrategy kind) {
    return Optional.ofNullable(strategies.get(kind));
  }

  Optional<String> softUnsupported() {
    return softUnsupported;
  }

  /** The tables of the cascade that have many of themselves, each with its column pointing at the parent. */
  Map<String, String> trees() {
    return trees;
  }

  /** Collects what generated code knows about a model. */
  public static final class Builder<T> {
    private final Class<T> type;
    private final String table;
    private final String keyColumn;
    private final Class<?> keyType;
    private final CascadeSchema schema;
    private Sql selectRoots;
    private RowMapper<T> rowMapper;
    private Function<T, ?> key;
    private Function<T, ?> deletedAt;
    private Optional<DeleteStrategy> writtenStrategy = Optional.empty();
    private final Map<DeleteStrategy, Strategy> strategies = new EnumMap<>(DeleteStrategy.class);
    private Optional<String> softUnsupported = Optional.empty();
    private final Map<String, String> trees = new HashMap<>();

    private Builder(Class<T> type, String table, String keyColumn, Class<?> keyType, CascadeSchema schema) {
      this.type = type;
      this.table = table;
      this.keyColumn = keyColumn;
      this.keyType = keyType;
      this.schema = schema;
    }

    /** How to load the records the call names, for listeners: a query by {@code <ids>}, its mapper, its key. */
    public Builder<T> records(String select, RowMapper<T> mapper, Function<T, ?> key) {
      this.selectRoots = Sql.of(select);
      this.rowMapper = mapper;
      this.key = key;
      return this;
    }

    /** The record's soft-delete component, for a model that has one. */
    public Builder<T> deletedAt(Function<T, ?> deletedAt) {
      this.deletedAt = deletedAt;
      return this;
    }

    /** The strategy written in {@code @Deletable(strategy = ...)}. */
    public Builder<T> writtenStrategy(DeleteStrategy strategy) {
      this.writtenStrategy = Optional.of(strategy);
      return this;
    }

    public Builder<T> strategy(Strategy strategy) {
      strategies.put(strategy.kind(), strategy);
      return this;
    }

    /**
     * A table of the cascade that has many of itself, through {@code parent}: batches take its rows
     * leaves first.
     */
    public Builder<T> tree(String table, String parent) {
      trees.put(table, parent);
      return this;
    }

    /** Why this model's cascade cannot be soft-deleted. */
    public Builder<T> softUnsupported(String reason) {
      this.softUnsupported = Optional.of(reason);
      return this;
    }

    public DeletePlan<T> build() {
      return new DeletePlan<>(this);
    }
  }
}
