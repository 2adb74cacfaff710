package dev.cascade.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JDBI copies the configuration to each handle: what one copy changes stays in that copy. */
class CascadeConfigTest {
  private record Note(String text) {}

  private static CascadeListener<Object> saying(List<String> heard, String who) {
    return (record, event) -> heard.add(who);
  }

  @Test
  void aCopyStartsWithTheDefaultStrategyAndEveryListener() {
    List<String> heard = new ArrayList<>();
    CascadeConfig config = new CascadeConfig()
        .setDefaultStrategy(DeleteStrategy.SOFT)
        .onDeleting(Note.class, saying(heard, "deleting"))
        .onDeleted(Object.class, saying(heard, "deleted"))
        .onRestoring(Note.class, saying(heard, "restoring"))
        .onRestored(Note.class, saying(heard, "restored"));

    CascadeConfig copy = config.createCopy();

    assertThat(copy.getDefaultStrategy()).isEqualTo(DeleteStrategy.SOFT);
    for (CascadeEvent.Kind kind : CascadeEvent.Kind.values()) {
      assertThat(copy.listeners(kind, Note.class)).as("%s", kind).containsExactlyElementsOf(config.listeners(kind, Note.class));
    }
    assertThat(copy.hasListeners(Note.class)).isTrue();
  }

  @Test
  void aRemovedListenerIsGoneFromEveryEventAndTypeAndTheOthersStay() {
    CascadeListener<Object> removed = saying(new ArrayList<>(), "removed");
    CascadeListener<Object> kept = saying(new ArrayList<>(), "kept");
    CascadeConfig config = new CascadeConfig()
        .onDeleting(Note.class, removed)
        .onDeleted(Object.class, removed)
        .onDeleted(Note.class, kept)
        .onRestored(Note.class, removed);
    CascadeConfig copy = config.createCopy();

    assertThat(config.removeListener(removed).removeListener(saying(new ArrayList<>(), "never registered")))
        .isSameAs(config);

    assertThat(config.listeners(CascadeEvent.Kind.DELETING, Note.class)).isEmpty();
    assertThat(config.listeners(CascadeEvent.Kind.DELETED, Note.class)).containsExactly(kept);
    assertThat(config.listeners(CascadeEvent.Kind.RESTORED, Note.class)).isEmpty();
    assertThat(copy.listeners(CascadeEvent.Kind.DELETED, Note.class)).as("a copy made before").containsExactly(removed, kept);
  }

  @Test
  void whatTheOriginalChangesLaterIsNotSeenByTheCopy() {
    CascadeConfig config = new CascadeConfig().onDeleted(Note.class, saying(new ArrayList<>(), "first"));
    CascadeConfig copy = config.createCopy();

    config.setDefaultStrategy(DeleteStrategy.TRASH);
    config.onDeleted(Note.class, saying(new ArrayList<>(), "second"));
    config.onRestored(Note.class, saying(new ArrayList<>(), "third"));

    assertThat(copy.getDefaultStrategy()).isEqualTo(DeleteStrategy.PERMANENT);
    assertThat(copy.listeners(CascadeEvent.Kind.DELETED, Note.class)).hasSize(1);
    assertThat(copy.listeners(CascadeEvent.Kind.RESTORED, Note.class)).isEmpty();
    assertThat(config.listeners(CascadeEvent.Kind.DELETED, Note.class)).hasSize(2);
  }

  @Test
  void whatTheCopyChangesIsNotSeenByTheOriginal() {
    CascadeConfig config = new CascadeConfig();
    CascadeConfig copy = config.createCopy();

    copy.setDefaultStrategy(DeleteStrategy.SOFT);
    copy.onDeleting(Object.class, saying(new ArrayList<>(), "handle only"));

    assertThat(config.getDefaultStrategy()).isEqualTo(DeleteStrategy.PERMANENT);
    assertThat(config.hasListeners(Note.class)).isFalse();
    assertThat(copy.hasListeners(Note.class)).isTrue();
  }

  @Test
  void listenersAreMatchedByAssignabilityInTheOrderRegistered() {
    CascadeListener<Object> any = saying(new ArrayList<>(), "any");
    CascadeListener<Note> notes = (note, event) -> {};
    CascadeConfig config = new CascadeConfig().onDeleted(Object.class, any).onDeleted(Note.class, notes).onDeleted(String.class, (s, e) -> {});

    assertThat(config.listeners(CascadeEvent.Kind.DELETED, Note.class)).containsExactly(any, notes);
    assertThat(config.listeners(CascadeEvent.Kind.DELETING, Note.class)).isEmpty();
  }
}
