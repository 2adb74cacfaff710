package dev.cascade.it.albums;

import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Albums, photos and their keyless tags, with trash tables and (with them) the journal. */
public final class Albums {
  public static final List<String> TABLES =
      List.of("albums", "photos", "photo_tags", "albums_trash", "photos_trash", "photo_tags_trash");

  private Albums() {}

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE albums (id ${id}, name VARCHAR(100) NOT NULL, deleted_at ${timestamp})",
            "CREATE TABLE photos (id ${id}, album_id BIGINT NOT NULL, caption VARCHAR(100) NOT NULL,"
                + " deleted_at ${timestamp}, FOREIGN KEY (album_id) REFERENCES albums (id))",
            "CREATE INDEX photos_album_id ON photos (album_id)",
            "CREATE TABLE photo_tags (photo_id BIGINT NOT NULL, tag VARCHAR(100) NOT NULL, deleted_at ${timestamp},"
                + " FOREIGN KEY (photo_id) REFERENCES photos (id))",
            "CREATE INDEX photo_tags_photo_id ON photo_tags (photo_id)"));
    database.jdbi().useHandle(h -> TrashTables.ddl(h, AlbumDeleter.schema()).forEach(h::execute));
  }

  /** An album of {@code photos} photos with {@code tags} tags each; its id. */
  public static long album(Handle handle, String name, int photos, int tags) {
    long album = handle.createUpdate("INSERT INTO albums (name) VALUES (?)").bind(0, name)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    for (int p = 0; p < photos; p++) {
      long photo = handle.createUpdate("INSERT INTO photos (album_id, caption) VALUES (?, ?)").bind(0, album)
          .bind(1, name + " " + p).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      for (int t = 0; t < tags; t++) {
        handle.execute("INSERT INTO photo_tags (photo_id, tag) VALUES (?, ?)", photo, "tag " + t);
      }
    }
    return album;
  }
}
