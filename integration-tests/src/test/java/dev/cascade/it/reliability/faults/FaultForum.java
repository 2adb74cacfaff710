package dev.cascade.it.reliability.faults;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.reliability.ForumFlavour;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.IdConflict;
import dev.cascade.runtime.RestoreOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A forum of five users whose trees cross (comments and likes on each other's posts), with a
 * reaction on a post and on a comment, sessions, an invoice, and a comment soft-deleted on its
 * own; and the operations the fault tests break, in an order where each meets a state the ones
 * before it made: every strategy, soft and trash restores, restoreAll, a restore under a new key
 * (where the database generates keys; with UUID keys, a plain trash restore of a post).
 */
final class FaultForum {
  private final ForumFlavour flavour;
  private final Map<String, Integer> serials = new HashMap<>();
  private final Object alice;
  private final Object bob;
  private final Object carol;
  private final Object dave;
  private final Object erin;
  private final Object erinPost;

  private FaultForum(Handle handle, ForumFlavour flavour) {
    this.flavour = flavour;
    alice = insert(handle, "users", Map.of("name", "alice"));
    bob = insert(handle, "users", Map.of("name", "bob"));
    carol = insert(handle, "users", Map.of("name", "carol"));
    dave = insert(handle, "users", Map.of("name", "dave"));
    erin = insert(handle, "users", Map.of("name", "erin"));
    Object payer = insert(handle, "users", Map.of("name", "payer"));
    insert(handle, "invoices", Map.of("user_id", payer, "amount_cents", 1200L));
    Object alicePost = post(handle, alice, "alice writes");
    Object bobPost = post(handle, bob, "bob writes");
    Object davePost = post(handle, dave, "dave writes");
    erinPost = post(handle, erin, "erin writes");
    Object bobOnAlice = comment(handle, alicePost, bob, "bob on alice");
    Object carolOnBob = comment(handle, bobPost, carol, "carol on bob");
    comment(handle, bobPost, dave, "dave on bob");
    Object aliceOnDave = comment(handle, davePost, alice, "alice on dave");
    Object daveOnErin = comment(handle, erinPost, dave, "dave on erin");
    comment(handle, erinPost, erin, "erin on erin");
    like(handle, bobOnAlice, erin);
    like(handle, aliceOnDave, carol);
    like(handle, daveOnErin, bob);
    insert(handle, "reactions", Map.of("subject_type", "post", "subject_id", alicePost, "emoji", "+1"));
    insert(handle, "reactions", Map.of("subject_type", "comment", "subject_id", daveOnErin, "emoji", "heart"));
    insert(handle, "reactions", Map.of("subject_type", "post", "subject_id", erinPost, "emoji", "eyes"));
    insert(handle, "sessions", Map.of("user_id", alice, "token", "alice-phone"));
    insert(handle, "sessions", Map.of("user_id", dave, "token", "dave-laptop"));
    flavour.destroy(handle, "comments", carolOnBob, soft());
  }

  static FaultForum seed(Handle handle, ForumFlavour flavour) {
    return new FaultForum(handle, flavour);
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>(List.of(
        Operation.delete("PERMANENT delete of alice", h -> flavour.destroy(h, "users", alice, with(DeleteStrategy.PERMANENT))),
        Operation.delete("SOFT delete of bob and carol", h -> flavour.destroyAll(h, "users", List.of(bob, carol), soft())),
        Operation.delete("TRASH delete of dave", h -> flavour.destroy(h, "users", dave, with(DeleteStrategy.TRASH))),
        Operation.restore("soft restore of bob", h -> flavour.restore(h, "users", bob, RestoreOptions.defaults())),
        Operation.restore("trash restore of dave", h -> flavour.restore(h, "users", dave, RestoreOptions.defaults())),
        Operation.restore("restoreAll of users (carol, soft)", h -> flavour.restoreAll(h, "users", RestoreOptions.defaults())),
        Operation.delete("TRASH delete of erin's post", h -> flavour.destroy(h, "posts", erinPost, with(DeleteStrategy.TRASH)))));
    if (flavour.generatesKeys()) {
      operations.add(Operation.prepare(
          "a new post takes the trashed post's id",
          h -> h.execute("INSERT INTO " + flavour.table("posts") + " (id, user_id, title) VALUES (?, ?, 'took the id')", erinPost, erin)));
      operations.add(Operation.restore(
          "trash restore of erin's post under a new key",
          h -> flavour.restore(h, "posts", erinPost, RestoreOptions.defaults().withOnIdConflict(IdConflict.ASSIGN_NEW))));
    } else {
      operations.add(Operation.restore(
          "trash restore of erin's post",
          h -> flavour.restore(h, "posts", erinPost, RestoreOptions.defaults().withOnIdConflict(IdConflict.FAIL))));
    }
    return operations;
  }

  /** A user whose delete reaches every table of the cascade, for trash table faults. */
  Object everyTable() {
    return dave;
  }

  private Object post(Handle handle, Object user, String title) {
    return insert(handle, "posts", Map.of("user_id", user, "title", title));
  }

  private Object comment(Handle handle, Object post, Object user, String body) {
    return insert(handle, "comments", Map.of("post_id", post, "user_id", user, "body", body));
  }

  private void like(Handle handle, Object comment, Object user) {
    insert(handle, "likes", Map.of("comment_id", comment, "user_id", user));
  }

  private Object insert(Handle handle, String table, Map<String, Object> values) {
    int serial = serials.merge(table, 1, Integer::sum);
    return flavour.insert(handle, table, flavour.newKey(table, serial), values);
  }

  private static DeleteOptions soft() {
    return with(DeleteStrategy.SOFT);
  }

  private static DeleteOptions with(DeleteStrategy strategy) {
    return DeleteOptions.defaults().withStrategy(strategy);
  }
}
