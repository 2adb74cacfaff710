package dev.cascade.it.reliability.faults;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.forum.CommentDeleter;
import dev.cascade.it.forum.Forum;
import dev.cascade.it.forum.PostDeleter;
import dev.cascade.it.forum.PostRestorer;
import dev.cascade.it.forum.UserDeleter;
import dev.cascade.it.forum.UserRestorer;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.IdConflict;
import dev.cascade.runtime.RestoreOptions;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A forum of five users whose trees cross (comments and likes on each other's posts), with a
 * reaction on a post and on a comment, sessions, an invoice, and a comment soft-deleted on its
 * own; and the operations the fault tests break, in an order where each meets a state the ones
 * before it made: every strategy, soft and trash restores, restoreAll, a restore under a new key.
 */
final class FaultForum {
  private final long alice;
  private final long bob;
  private final long carol;
  private final long dave;
  private final long erin;
  private final long erinPost;

  private FaultForum(Handle handle) {
    Forum forum = Forum.on(handle);
    alice = forum.user("alice");
    bob = forum.user("bob");
    carol = forum.user("carol");
    dave = forum.user("dave");
    erin = forum.user("erin");
    long payer = forum.user("payer");
    forum.invoice(payer, 1200);
    long alicePost = forum.post(alice, "alice writes");
    long bobPost = forum.post(bob, "bob writes");
    long davePost = forum.post(dave, "dave writes");
    erinPost = forum.post(erin, "erin writes");
    long bobOnAlice = forum.comment(alicePost, bob, "bob on alice");
    long carolOnBob = forum.comment(bobPost, carol, "carol on bob");
    forum.comment(bobPost, dave, "dave on bob");
    long aliceOnDave = forum.comment(davePost, alice, "alice on dave");
    long daveOnErin = forum.comment(erinPost, dave, "dave on erin");
    forum.comment(erinPost, erin, "erin on erin");
    forum.like(bobOnAlice, erin);
    forum.like(aliceOnDave, carol);
    forum.like(daveOnErin, bob);
    forum.reaction("post", alicePost, "+1");
    forum.reaction("comment", daveOnErin, "heart");
    forum.reaction("post", erinPost, "eyes");
    forum.session(alice, "alice-phone");
    forum.session(dave, "dave-laptop");
    CommentDeleter.destroy(handle, carolOnBob, soft());
  }

  static FaultForum seed(Handle handle) {
    return new FaultForum(handle);
  }

  List<Operation> operations() {
    return List.of(
        Operation.delete("PERMANENT delete of alice", h -> UserDeleter.destroy(h, alice, with(DeleteStrategy.PERMANENT))),
        Operation.delete("SOFT delete of bob and carol", h -> UserDeleter.destroyAll(h, List.of(bob, carol), soft())),
        Operation.delete("TRASH delete of dave", h -> UserDeleter.destroy(h, dave, with(DeleteStrategy.TRASH))),
        Operation.restore("soft restore of bob", h -> UserRestorer.restore(h, bob)),
        Operation.restore("trash restore of dave", h -> UserRestorer.restore(h, dave)),
        Operation.restore("restoreAll of users (carol, soft)", h -> UserRestorer.restoreAll(h)),
        Operation.delete("TRASH delete of erin's post", h -> PostDeleter.destroy(h, erinPost, with(DeleteStrategy.TRASH))),
        Operation.prepare(
            "a new post takes the trashed post's id",
            h -> h.execute("INSERT INTO posts (id, user_id, title) VALUES (?, ?, 'took the id')", erinPost, erin)),
        Operation.restore(
            "trash restore of erin's post under a new key",
            h -> PostRestorer.restore(h, erinPost, RestoreOptions.defaults().withOnIdConflict(IdConflict.ASSIGN_NEW))));
  }

  /** A user whose delete reaches every table of the cascade, for trash table faults. */
  long everyTable() {
    return dave;
  }

  private static DeleteOptions soft() {
    return with(DeleteStrategy.SOFT);
  }

  private static DeleteOptions with(DeleteStrategy strategy) {
    return DeleteOptions.defaults().withStrategy(strategy);
  }
}
