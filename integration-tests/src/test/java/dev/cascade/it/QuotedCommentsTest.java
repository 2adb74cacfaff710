package dev.cascade.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import dev.cascade.it.quotes.Comment;
import dev.cascade.it.quotes.CommentDeleter;
import dev.cascade.it.quotes.CommentRestorer;
import dev.cascade.it.quotes.QuestionDeleter;
import dev.cascade.it.quotes.QuestionRestorer;
import dev.cascade.it.quotes.Quotes;
import dev.cascade.runtime.DeleteOptions;
import dev.cascade.runtime.DeletePreview;
import dev.cascade.runtime.DeleteResult;
import dev.cascade.testing.AllDatabases;
import dev.cascade.testing.Snapshot;
import dev.cascade.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A table that is a tree and also links to itself by {@code SET_NULL}: comments in reply trees
 * that quote one another. A newcomer's Q&A trial found every trash restore of such a table failing
 * on H2 with a foreign-key error on the tree's column (the copy back that goes parents first also
 * read the table for the quote's target, and H2 then inserted out of order), reported as a conflict
 * to retry.
 */
class QuotedCommentsTest {
  private static final DeleteOptions TRASH = DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH);
  private static final DeleteOptions PERMANENT = DeleteOptions.defaults().withStrategy(DeleteStrategy.PERMANENT);

  /**
   * Question {@code why}: {@code top <- reply <- deep} and a second top; {@code top} quotes {@code
   * deep} (below it, copied back after it), {@code deep} quotes {@code top}, {@code second} quotes
   * {@code reply}, and {@code reply} quotes a comment on question {@code how}, whose reply quotes
   * {@code reply} back.
   */
  private record Discussion(long why, long top, long reply, long deep, long second, long elsewhere, long elsewhereReply) {}

  private static Discussion discussion(Quotes quotes) {
    long why = quotes.question("why");
    long how = quotes.question("how");
    long top = quotes.comment(why, null, "top");
    long reply = quotes.comment(why, top, "reply");
    long deep = quotes.comment(why, reply, "deep");
    long second = quotes.comment(why, null, "second");
    long elsewhere = quotes.comment(how, null, "elsewhere");
    long elsewhereReply = quotes.comment(how, elsewhere, "elsewhere, reply");
    quotes.quote(top, deep);
    quotes.quote(deep, top);
    quotes.quote(second, reply);
    quotes.quote(reply, elsewhere);
    quotes.quote(elsewhereReply, reply);
    return new Discussion(why, top, reply, deep, second, elsewhere, elsewhereReply);
  }

  /**
   * Every comment as before the delete, but the quote from question {@code how}'s reply, which a
   * restore does not put back.
   */
  private static List<List<Object>> backButTheQuoteFromOutside(Discussion d) {
    return List.of(
        comment(d.top(), null, d.deep()),
        comment(d.reply(), d.top(), d.elsewhere()),
        comment(d.deep(), d.reply(), d.top()),
        comment(d.second(), null, d.reply()),
        comment(d.elsewhere(), null, null),
        comment(d.elsewhereReply(), d.elsewhere(), null));
  }

  private static List<Object> comment(long id, Long replyTo, Long quotes) {
    return Arrays.asList(id, replyTo, quotes);
  }

  @AllDatabases
  void aQuestionTrashedWithCommentsThatQuoteOneAnotherComesBackWhole(TestDatabase db) {
    Quotes.create(db);
    try (Handle handle = db.jdbi().open()) {
      Quotes quotes = Quotes.on(handle);
      Discussion d = discussion(quotes);
      Snapshot before = db.snapshot(Quotes.TABLES);
      for (DeleteOptions options : List.of(PERMANENT, TRASH)) {
        DeletePreview preview = QuestionDeleter.preview(handle, d.why(), options);

        assertThat(preview.rowsByTable()).as(preview.strategy().name())
            .containsExactlyInAnyOrderEntriesOf(Map.of("qa_questions", 1L, "qa_comments", 4L, "qa_attachments", 0L));
        assertThat(preview.nullifiedByTable()).as(preview.strategy().name())
            .containsExactlyInAnyOrderEntriesOf(Map.of("qa_comments", 1L, "qa_attachments", 0L));
      }

      DeleteResult result = QuestionDeleter.destroy(handle, d.why(), TRASH);

      assertThat(result.nullifiedByTable()).containsExactlyInAnyOrderEntriesOf(Map.of("qa_comments", 1L, "qa_attachments", 0L));
      assertThat(quotes.comments())
          .containsExactly(comment(d.elsewhere(), null, null), comment(d.elsewhereReply(), d.elsewhere(), null));

      QuestionRestorer.restore(handle, d.why());

      assertThat(quotes.comments())
          .containsExactlyElementsOf(backButTheQuoteFromOutside(d));
      // A quote from outside the operation is not put back (README, "Restore").
      quotes.quote(d.elsewhereReply(), d.reply());
      assertThat(db.snapshot(Quotes.TABLES)).isEqualTo(before);
    }
  }

  /**
   * Attachments below the tree that copy one another: one copied from inside comes back linked,
   * one copied from outside stays linked, and one outside copied from inside is unlinked.
   */
  @AllDatabases
  void attachmentsBelowTheTreeComeBackCopyingWhatTheyCopied(TestDatabase db) {
    Quotes.create(db);
    try (Handle handle = db.jdbi().open()) {
      Quotes quotes = Quotes.on(handle);
      Discussion d = discussion(quotes);
      long original = quotes.attachment(d.elsewhere(), null, "original");
      long inside = quotes.attachment(d.deep(), original, "copy of the original");
      long copy = quotes.attachment(d.top(), inside, "copy of the copy");
      long outside = quotes.attachment(d.elsewhereReply(), inside, "copy elsewhere");
      Snapshot before = db.snapshot(Quotes.TABLES);
      for (DeleteOptions options : List.of(PERMANENT, TRASH)) {
        DeletePreview preview = QuestionDeleter.preview(handle, d.why(), options);

        assertThat(preview.rowsByTable()).as(preview.strategy().name()).containsEntry("qa_attachments", 2L);
        assertThat(preview.nullifiedByTable()).as(preview.strategy().name())
            .containsExactlyInAnyOrderEntriesOf(Map.of("qa_comments", 1L, "qa_attachments", 1L));
      }

      DeleteResult result = QuestionDeleter.destroy(handle, d.why(), TRASH);

      assertThat(result.nullifiedByTable()).containsExactlyInAnyOrderEntriesOf(Map.of("qa_comments", 1L, "qa_attachments", 1L));
      assertThat(quotes.attachments()).containsExactly(Arrays.asList(original, null), Arrays.asList(outside, null));

      QuestionRestorer.restore(handle, d.why());

      assertThat(quotes.attachments())
          .containsExactly(
              Arrays.asList(original, null), Arrays.asList(inside, original), Arrays.asList(copy, inside),
              Arrays.asList(outside, null));
      handle.execute("UPDATE qa_attachments SET copy_of_id = ? WHERE id = ?", inside, outside);
      quotes.quote(d.elsewhereReply(), d.reply());
      assertThat(db.snapshot(Quotes.TABLES)).isEqualTo(before);
    }
  }

  /** A reply's subtree goes; the comments that quote it stay, unlinked. */
  @AllDatabases
  void aReplyTrashedWithItsSubtreeComesBackQuotingWhatItQuoted(TestDatabase db) {
    Quotes.create(db);
    try (Handle handle = db.jdbi().open()) {
      Quotes quotes = Quotes.on(handle);
      Discussion d = discussion(quotes);
      Snapshot before = db.snapshot(Quotes.TABLES);
      DeletePreview preview = CommentDeleter.preview(handle, d.reply(), TRASH);
      assertThat(preview.rowsByTable()).containsExactlyInAnyOrderEntriesOf(Map.of("qa_comments", 2L, "qa_attachments", 0L));
      assertThat(preview.nullifiedByTable()).containsExactlyInAnyOrderEntriesOf(Map.of("qa_comments", 3L, "qa_attachments", 0L));

      DeleteResult result = CommentDeleter.destroy(handle, d.reply(), TRASH);

      assertThat(result.nullifiedByTable()).containsExactlyInAnyOrderEntriesOf(Map.of("qa_comments", 3L, "qa_attachments", 0L));
      assertThat(quotes.comments())
          .containsExactly(
              comment(d.top(), null, null),
              comment(d.second(), null, null),
              comment(d.elsewhere(), null, null),
              comment(d.elsewhereReply(), d.elsewhere(), null));

      Comment back = CommentRestorer.restore(handle, d.reply());

      assertThat(back.id()).isEqualTo(d.reply());
      assertThat(quotes.comments())
          .containsExactly(
              comment(d.top(), null, null),
              comment(d.reply(), d.top(), d.elsewhere()),
              comment(d.deep(), d.reply(), d.top()),
              comment(d.second(), null, null),
              comment(d.elsewhere(), null, null),
              comment(d.elsewhereReply(), d.elsewhere(), null));
      quotes.quote(d.top(), d.deep());
      quotes.quote(d.second(), d.reply());
      quotes.quote(d.elsewhereReply(), d.reply());
      assertThat(db.snapshot(Quotes.TABLES)).isEqualTo(before);
    }
  }

  /**
   * Two operations undone by one restore: the comment trashed first quotes one trashed with the
   * second, and comes back quoting it.
   */
  @AllDatabases
  void twoCommentsTrashedOneAfterTheOtherComeBackInOneRestoreAll(TestDatabase db) {
    Quotes.create(db);
    try (Handle handle = db.jdbi().open()) {
      Quotes quotes = Quotes.on(handle);
      Discussion d = discussion(quotes);

      CommentDeleter.destroy(handle, d.second(), TRASH);
      CommentDeleter.destroy(handle, d.top(), TRASH);
      assertThat(quotes.comments())
          .containsExactly(comment(d.elsewhere(), null, null), comment(d.elsewhereReply(), d.elsewhere(), null));

      List<Comment> back = CommentRestorer.restoreAll(handle);

      assertThat(back).extracting(Comment::id).containsExactlyInAnyOrder(d.top(), d.second());
      assertThat(quotes.comments())
          .containsExactlyElementsOf(backButTheQuoteFromOutside(d));
    }
  }
}
