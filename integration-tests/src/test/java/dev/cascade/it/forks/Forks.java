package dev.cascade.it.forks;

import dev.cascade.runtime.Dialect;
import dev.cascade.runtime.Journal;
import dev.cascade.runtime.TrashTables;
import dev.cascade.testing.Inserts;
import dev.cascade.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Cooks own dishes; a dish links to the dish it was forked from, through a SET_NULL to its own table. */
public final class Forks {
  public static final List<String> TABLES = List.of("cooks", "menus", "dishes", "cooks_trash", "menus_trash", "dishes_trash");

  private final Handle handle;

  private Forks(Handle handle) {
    this.handle = handle;
  }

  public static void create(TestDatabase database) {
    database.createSchema(
        List.of(
            "CREATE TABLE cooks (id ${id}, name VARCHAR(100) NOT NULL)",
            "CREATE TABLE menus (id ${id}, cook_id BIGINT NOT NULL, name VARCHAR(100) NOT NULL,"
                + " FOREIGN KEY (cook_id) REFERENCES cooks (id))",
            "CREATE INDEX menus_cook_id ON menus (cook_id)",
            "CREATE TABLE dishes (id ${id}, cook_id BIGINT NOT NULL, menu_id BIGINT, forked_from_id BIGINT,"
                + " title VARCHAR(100) NOT NULL, FOREIGN KEY (cook_id) REFERENCES cooks (id),"
                + " FOREIGN KEY (menu_id) REFERENCES menus (id), FOREIGN KEY (forked_from_id) REFERENCES dishes (id))",
            "CREATE INDEX dishes_cook_id ON dishes (cook_id)",
            "CREATE INDEX dishes_menu_id ON dishes (menu_id)",
            "CREATE INDEX dishes_forked_from_id ON dishes (forked_from_id)"));
    database.jdbi().useHandle(h -> {
      TrashTables.ddl(h, CookDeleter.schema()).forEach(h::execute);
      Journal.ddl(Dialect.of(h)).forEach(h::execute);
    });
  }

  public static Forks on(Handle handle) {
    return new Forks(handle);
  }

  public long cook(String name) {
    return Inserts.returningId(handle, "INSERT INTO cooks (name) VALUES (?)", name);
  }

  public long menu(long cookId, String name) {
    return Inserts.returningId(handle, "INSERT INTO menus (cook_id, name) VALUES (?, ?)", cookId, name);
  }

  /** Puts the dish on the menu. */
  public void onMenu(long dishId, long menuId) {
    handle.execute("UPDATE dishes SET menu_id = ? WHERE id = ?", menuId, dishId);
  }

  public long dish(long cookId, Long forkedFromId, String title) {
    return Inserts.returningId(
        handle, "INSERT INTO dishes (cook_id, forked_from_id, title) VALUES (?, ?, ?)", cookId, forkedFromId, title);
  }

  /** Each dish's id and the id it was forked from, by id. */
  public List<List<Object>> links() {
    return links("dishes");
  }

  /** {@link #links}, of the trash copies. */
  public List<List<Object>> trashedLinks() {
    return links("dishes_trash");
  }

  private List<List<Object>> links(String table) {
    return handle.createQuery("SELECT id, forked_from_id FROM " + table + " ORDER BY id")
        .map((rs, ctx) -> Arrays.<Object>asList(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2)))
        .list();
  }

  /**
   * A chain of forks of a cook's dishes, one of them on a menu, and a soup forked from the end of
   * the chain: {@code soup -> forkOfFork -> fork -> bread}.
   */
  public Chain chain(long cookId) {
    long soup = dish(cookId, null, "soup");
    long bread = dish(cookId, null, "bread");
    long fork = dish(cookId, bread, "bread, forked");
    long forkOfFork = dish(cookId, fork, "bread, forked twice");
    handle.execute("UPDATE dishes SET forked_from_id = ? WHERE id = ?", forkOfFork, soup);
    onMenu(fork, menu(cookId, "lunch"));
    return new Chain(soup, bread, fork, forkOfFork);
  }

  /** The dishes of {@link #chain}. */
  public record Chain(long soup, long bread, long fork, long forkOfFork) {}
}
