package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.threads.Member;
import dev.cascade.it.threads.MemberDeleter;
import dev.cascade.it.threads.MemberRestorer;
import dev.cascade.it.threads.Threads;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A tree table that a delete reaches through two relations: a member's delete takes the replies
 * on their topics and their own replies elsewhere, with everything below both. On H2 and MariaDB,
 * which check foreign keys row by row, the trash restore copies the tops of those subtrees back
 * in order through a recursive query; a newcomer's trial found its start condition missing the
 * parentheses around the two relations' {@code OR}, so that every trashed reply started a
 * subtree: H2 copied rows twice (a primary key violation) and MariaDB a reply before its parent
 * (a foreign key violation), and the member could not be restored.
 */
class ThreadedRepliesTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);

  /** Ann's topic with a thread in which she and Bob answer each other, and Ann's thread on Bob's topic. */
  private record Forum(long ann, long bob, Snapshot before) {}

  private static Forum forum(TestDatabase db, Handle handle) {
    Threads threads = Threads.on(handle);
    long ann = threads.member("ann");
    long bob = threads.member("bob");
    long annsTopic = threads.topic(ann, "ann's topic");
    long bobsTopic = threads.topic(bob, "bob's topic");
    long first = threads.reply(annsTopic, bob, null, "bob on ann's topic");
    long second = threads.reply(annsTopic, ann, first, "ann answers bob");
    threads.reply(annsTopic, bob, second, "bob answers ann");
    long elsewhere = threads.reply(bobsTopic, ann, null, "ann on bob's topic");
    threads.reply(bobsTopic, bob, elsewhere, "bob answers ann there");
    threads.reply(bobsTopic, bob, null, "bob alone");
    return new Forum(ann, bob, db.snapshot(Threads.TABLES));
  }

  @AllDatabases
  void aMemberTrashedWithRepliesReachedThroughBothRelationsComesBackWhole(TestDatabase db) {
    Threads.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = forum(db, handle);

      DeleteResult result = MemberDeleter.destroy(handle, forum.ann(), TRASH);

      assertThat(result.rowsByTable())
          .contains(Map.entry("thread_members", 1L), Map.entry("thread_topics", 1L), Map.entry("thread_replies", 5L));
      assertThat(handle.createQuery("SELECT body FROM thread_replies").mapTo(String.class).list()).containsExactly("bob alone");

      Member back = MemberRestorer.restore(handle, forum.ann());

      assertThat(back.name()).isEqualTo("ann");
      assertThat(db.snapshot(Threads.TABLES)).isEqualTo(forum.before());
    }
  }

  @AllDatabases
  void twoMembersTrashedOneAfterTheOtherComeBackWholeInOneRestoreAll(TestDatabase db) {
    Threads.create(db);
    try (Handle handle = db.jdbi().open()) {
      Forum forum = forum(db, handle);
      MemberDeleter.destroy(handle, forum.ann(), TRASH);
      MemberDeleter.destroy(handle, forum.bob(), TRASH);
      assertThat(handle.createQuery("SELECT COUNT(*) FROM thread_replies").mapTo(Long.class).one()).isZero();

      List<Member> back = MemberRestorer.restoreAll(handle);

      assertThat(back).extracting(Member::name).containsExactlyInAnyOrder("ann", "bob");
      assertThat(db.snapshot(Threads.TABLES)).isEqualTo(forum.before());
    }
  }

  /**
   * Two operations that split a thread: Ann's delete took her answer to Bob's reply, Bob's delete
   * later took the reply. One restoreAll brings back both, so the answer's parent comes back in the
   * same call from another operation: on H2 and MariaDB, the ordered copy followed a parent only
   * within its own operation and left the answer out (a newcomer's trial: "copied 1 rows of
   * o_notes back but found 2 in the trash").
   */
  @AllDatabases
  void aReplyTrashedBeforeTheReplyItAnswersComesBackWithItInOneRestoreAll(TestDatabase db) {
    Threads.create(db);
    try (Handle handle = db.jdbi().open()) {
      Threads threads = Threads.on(handle);
      long ann = threads.member("ann");
      long bob = threads.member("bob");
      long carol = threads.member("carol");
      long carolsTopic = threads.topic(carol, "carol's topic");
      long bobsReply = threads.reply(carolsTopic, bob, null, "bob on carol's topic");
      long annsAnswer = threads.reply(carolsTopic, ann, bobsReply, "ann answers bob");
      threads.reply(carolsTopic, carol, annsAnswer, "carol answers ann");
      Snapshot before = db.snapshot(Threads.TABLES);
      MemberDeleter.destroy(handle, ann, TRASH);
      MemberDeleter.destroy(handle, bob, TRASH);
      assertThat(handle.createQuery("SELECT COUNT(*) FROM thread_replies").mapTo(Long.class).one()).isZero();

      List<Member> back = MemberRestorer.restoreAll(handle);

      assertThat(back).extracting(Member::name).containsExactlyInAnyOrder("ann", "bob");
      assertThat(db.snapshot(Threads.TABLES)).isEqualTo(before);
    }
  }
}
