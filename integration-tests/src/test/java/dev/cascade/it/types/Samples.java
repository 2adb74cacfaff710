package dev.cascade.it.types;

import dev.cascade.testing.DatabaseKind;
import dev.cascade.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The samples schema in each database's own types: timestamps with and without time zone, a
 * numeric with scale, long and bounded text, binary, boolean, UUID and JSON, as a user of that
 * database would declare them, with the constraints and defaults a trash table must not copy.
 *
 * <p>MariaDB has no timestamp with time zone: its {@code TIMESTAMP} (stored in UTC, shown in the
 * session's zone) stands in. SQLite has neither JSON nor UUID types: the JSON column is {@code TEXT},
 * as SQLite's JSON functions expect, and the UUID column is declared {@code UUID} (the driver writes
 * text). The notes column has a collation of its own on MariaDB, which its trash column must keep.
 */
public final class Samples {
  public static final List<String> TABLES = List.of("samples", "readings");
  public static final List<String> TRASH_TABLES = List.of("samples_trash", "readings_trash");

  /** The columns of samples, in record order. */
  public static final List<String> SAMPLE_COLUMNS =
      List.of(
          "id", "label", "taken_at", "labelled_at", "received_at", "amount", "notes", "payload", "verified",
          "batch", "metadata", "deleted_at");

  public static final List<String> READING_COLUMNS = List.of("id", "sample_id", "value", "read_at");

  private Samples() {}

  /** Creates samples and readings, without their trash tables. */
  public static void create(TestDatabase db) {
    db.createSchema(ddl(db.kind()));
  }

  static List<String> ddl(DatabaseKind kind) {
    String samples =
        switch (kind) {
          case POSTGRESQL ->
              "CREATE TABLE samples (id ${id}, label VARCHAR(40) NOT NULL DEFAULT 'unnamed' UNIQUE,"
                  + " taken_at TIMESTAMP(6) WITH TIME ZONE, labelled_at TIMESTAMP(6), received_at TIMESTAMP(6),"
                  + " amount NUMERIC(12, 4) CHECK (amount > -100000000), notes TEXT, payload BYTEA,"
                  + " verified BOOLEAN DEFAULT TRUE, batch UUID, metadata JSONB, deleted_at TIMESTAMP(3) WITH TIME ZONE)";
          case H2 ->
              "CREATE TABLE samples (id ${id}, label VARCHAR(40) NOT NULL DEFAULT 'unnamed' UNIQUE,"
                  + " taken_at TIMESTAMP(6) WITH TIME ZONE, labelled_at TIMESTAMP(6), received_at TIMESTAMP(6),"
                  + " amount NUMERIC(12, 4) CHECK (amount > -100000000), notes CLOB, payload VARBINARY(1000),"
                  + " verified BOOLEAN DEFAULT TRUE, batch UUID, metadata JSON, deleted_at TIMESTAMP(3) WITH TIME ZONE)";
          case MARIADB ->
              "CREATE TABLE samples (id ${id}, label VARCHAR(40) NOT NULL DEFAULT 'unnamed' UNIQUE,"
                  + " taken_at TIMESTAMP(6) NULL, labelled_at DATETIME(6), received_at DATETIME(6),"
                  + " amount DECIMAL(12, 4) CHECK (amount > -100000000),"
                  + " notes TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, payload BLOB,"
                  + " verified BOOLEAN DEFAULT TRUE, batch UUID, metadata JSON, deleted_at TIMESTAMP(3) NULL)";
          case SQLITE ->
              "CREATE TABLE samples (id ${id}, label VARCHAR(40) NOT NULL DEFAULT 'unnamed' UNIQUE,"
                  + " taken_at TIMESTAMP WITH TIME ZONE, labelled_at DATETIME, received_at TIMESTAMP,"
                  + " amount NUMERIC(12, 4) CHECK (amount > -100000000), notes TEXT, payload BLOB,"
                  + " verified BOOLEAN DEFAULT TRUE, batch UUID, metadata TEXT, deleted_at TIMESTAMP)";
        };
    String readings =
        switch (kind) {
          case POSTGRESQL, H2 ->
              "CREATE TABLE readings (id ${id}, sample_id BIGINT NOT NULL, ${q:value} NUMERIC(12, 4) NOT NULL,"
                  + " read_at TIMESTAMP(6) WITH TIME ZONE, FOREIGN KEY (sample_id) REFERENCES samples (id))";
          case MARIADB ->
              "CREATE TABLE readings (id ${id}, sample_id BIGINT NOT NULL, ${q:value} DECIMAL(12, 4) NOT NULL,"
                  + " read_at TIMESTAMP(6) NULL, FOREIGN KEY (sample_id) REFERENCES samples (id))";
          case SQLITE ->
              "CREATE TABLE readings (id ${id}, sample_id BIGINT NOT NULL, ${q:value} NUMERIC(12, 4) NOT NULL,"
                  + " read_at TIMESTAMP WITH TIME ZONE, FOREIGN KEY (sample_id) REFERENCES samples (id))";
        };
    return List.of(samples, readings, "CREATE INDEX readings_sample_id ON readings (sample_id)");
  }

  /**
   * SQLite's driver writes an {@code OffsetDateTime} as ISO text but cannot read one back ({@code
   * getObject(i, OffsetDateTime.class)} is not implemented); a SQLite user maps the text, as here.
   */
  public static void readTimesOnSqlite(Handle handle, DatabaseKind kind) {
    if (kind == DatabaseKind.SQLITE) {
      handle.registerColumnMapper(
          OffsetDateTime.class,
          (rs, column, ctx) -> rs.getString(column) == null ? null : OffsetDateTime.parse(rs.getString(column)));
    }
  }

  /**
   * Inserts a sample and returns its id; {@code metadata} is JSON text, or null. PostgreSQL takes
   * the JSON and the UUID (which JDBI binds as a {@code varchar}) through casts; H2 takes JSON text
   * as {@code FORMAT JSON}, or it would store a JSON string.
   */
  public static long sample(Handle handle, DatabaseKind kind, Sample s) {
    String json =
        switch (kind) {
          case POSTGRESQL -> "CAST(:metadata AS jsonb)";
          case H2 -> ":metadata FORMAT JSON";
          case MARIADB, SQLITE -> ":metadata";
        };
    String batch = kind == DatabaseKind.POSTGRESQL ? "CAST(:batch AS uuid)" : ":batch";
    return handle
        .createUpdate(
            "INSERT INTO samples (label, taken_at, labelled_at, received_at, amount, notes, payload, verified,"
                + " batch, metadata, deleted_at) VALUES (:label, :takenAt, :labelledAt, :receivedAt, :amount,"
                + " :notes, :payload, :verified, " + batch + ", " + json + ", :deletedAt)")
        .bindByType("label", s.label(), String.class)
        .bindByType("takenAt", s.takenAt(), OffsetDateTime.class)
        .bindByType("labelledAt", s.labelledAt(), LocalDateTime.class)
        .bindByType("receivedAt", s.receivedAt(), Instant.class)
        .bindByType("amount", s.amount(), BigDecimal.class)
        .bindByType("notes", s.notes(), String.class)
        .bindByType("payload", s.payload(), byte[].class)
        .bindByType("verified", s.verified(), Boolean.class)
        .bindByType("batch", s.batch(), UUID.class)
        .bindByType("metadata", s.metadata(), String.class)
        .bindByType("deletedAt", s.deletedAt(), Instant.class)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  public static void reading(Handle handle, DatabaseKind kind, long sampleId, BigDecimal value, OffsetDateTime readAt) {
    handle
        .createUpdate(kind.ddl("INSERT INTO readings (sample_id, ${q:value}, read_at) VALUES (?, ?, ?)"))
        .bind(0, sampleId)
        .bind(1, value)
        .bindByType(2, readAt, OffsetDateTime.class)
        .execute();
  }

  /** Awkward values: fractions of seconds to the microsecond, offsets east and west, zero bytes. */
  public static Sample awkward() {
    return new Sample(
        0,
        "Ωmega – ß",
        OffsetDateTime.parse("2024-02-29T23:59:59.999999+05:30"),
        LocalDateTime.parse("1999-12-31T23:59:59.999999"),
        Instant.parse("2030-06-15T12:00:00.000001Z"),
        new BigDecimal("-12345678.9999"),
        "Grüße, 日本語, emoji 🎉\nsecond line\ttab 'quoted' \"double\"",
        HexFormat.of().parseHex("0000ff00017f80"),
        true,
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        "{\"k\": [1, 2.5, \"ü\"], \"n\": null}",
        null);
  }

  /**
   * Other values: a western offset, the smallest step of the scale, empty binary and text; and
   * soft-deleted (to the millisecond its column keeps) before it goes to the trash.
   */
  public static Sample small() {
    return new Sample(
        0,
        "",
        OffsetDateTime.parse("2001-01-01T00:00:00.000001-08:00"),
        LocalDateTime.parse("2038-01-19T03:14:07.5"),
        Instant.parse("1970-01-01T00:00:01Z"),
        new BigDecimal("0.0001"),
        "",
        new byte[0],
        false,
        UUID.fromString("00000000-0000-0000-0000-000000000000"),
        "[]",
        Instant.parse("2020-05-05T05:05:05.123Z"));
  }

  /** Null wherever the column takes one. */
  public static Sample nulls() {
    return new Sample(0, "nulls", null, null, null, null, null, null, null, null, null, null);
  }
}
