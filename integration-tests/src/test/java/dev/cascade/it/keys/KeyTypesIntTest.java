package dev.cascade.it.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.it.keys.teams.MemberDeleter;
import dev.cascade.it.keys.teams.Team;
import dev.cascade.it.keys.teams.TeamDeleter;
import dev.cascade.it.keys.teams.TeamRestorer;
import dev.cascade.it.keys.teams.Teams;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.runtime.RestoreOptions;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@code int} keys: teams with members (a primitive {@code int} foreign key, CASCADE) and desks
 * (an {@code Integer} key and foreign key, SET_NULL). The database generates them, so a restore
 * whose id was taken gives the team a new one.
 */
class KeyTypesIntTest extends KeyTypesContract<Integer> {

  @Override
  KeyedShape shape() {
    return Teams.SHAPE;
  }

  @Override
  String rootTable() {
    return "teams";
  }

  @Override
  void create(TestDatabase db) {
    Teams.create(db);
  }

  /** A red member was soft-deleted on her own before. */
  @Override
  Fixture<Integer> fill(Handle handle) {
    int red = Teams.team(handle, "red");
    Teams.member(handle, red, "red-1");
    Teams.member(handle, red, "red-2");
    MemberDeleter.destroy(handle, Teams.member(handle, red, "red-3"), SOFT);
    Teams.desk(handle, red, "desk by the window");
    Teams.desk(handle, red, "desk by the door");
    int blue = Teams.team(handle, "blue");
    Teams.member(handle, blue, "blue-1");
    Teams.desk(handle, blue, "blue desk");
    int green = Teams.team(handle, "green");
    Teams.member(handle, green, "green-1");
    Teams.desk(handle, green, "green desk");
    return new Fixture<>(red, blue, green);
  }

  @Override
  List<Integer> fillMany(Handle handle, int count) {
    return Teams.many(handle, count, "many-");
  }

  @Override
  DeleteResult destroy(Handle handle, Integer id, DeleteOptions options) {
    return TeamDeleter.destroy(handle, id, options);
  }

  @Override
  DeleteResult destroyAll(Handle handle, List<Integer> ids, DeleteOptions options) {
    return TeamDeleter.destroyAll(handle, ids, options);
  }

  @Override
  DeletePreview preview(Handle handle, Integer id) {
    return TeamDeleter.preview(handle, id);
  }

  @Override
  Integer restore(Handle handle, Integer id, RestoreOptions options) {
    return TeamRestorer.restore(handle, id, options).id();
  }

  @Override
  List<Integer> restoreAll(Handle handle, RestoreOptions options) {
    return TeamRestorer.restoreAll(handle, options).stream().map(Team::id).toList();
  }

  @Override
  void takeRootKey(Handle handle, Integer id) {
    handle.execute("INSERT INTO teams (id, name) VALUES (?, 'took the id')", id);
  }

  @Override
  Taken takeKeyBelow(Handle handle, Fixture<Integer> fixture) {
    int member = handle.select("SELECT id FROM members_trash WHERE name = 'red-1'").mapTo(Integer.class).one();
    handle.execute("INSERT INTO members (id, team_id, name) VALUES (?, ?, 'took the id')", member, fixture.bystander());
    return new Taken("members", String.valueOf(member));
  }

  @AllDatabases
  void assignNewGivesATeamWhoseIdWasTakenANewIntKeyAndItsMembersFollow(TestDatabase db) {
    Teams.create(db);
    try (Handle handle = db.jdbi().open()) {
      Fixture<Integer> fixture = fill(handle);
      int red = fixture.first();
      Snapshot original = db.snapshot(shape().tablesWithTrash());
      CascadeOracle oracle = CascadeOracle.deleting(shape(), original, "teams", List.of(red));
      TeamDeleter.destroy(handle, red, TRASH);
      takeRootKey(handle, red);

      Team back = TeamRestorer.restore(handle, red);

      assertThat(back.id()).isNotEqualTo(red);
      assertThat(back.name()).isEqualTo("red");
      long fresh = back.id();
      Snapshot expected =
          oracle.unlinked(original)
              .with("teams", r -> r.get("id").equals((long) red), "id", fresh)
              .with("members", r -> r.get("team_id").equals((long) red), "team_id", fresh);
      Snapshot actual = db.snapshot(shape().tablesWithTrash());
      assertThat(actual.without("teams", r -> r.get("id").equals((long) red))).isEqualTo(expected);
      assertThat(actual.rows("teams")).filteredOn(r -> r.get("id").equals((long) red))
          .singleElement().satisfies(r -> assertThat(r.get("name")).isEqualTo("took the id"));
    }
  }
}
