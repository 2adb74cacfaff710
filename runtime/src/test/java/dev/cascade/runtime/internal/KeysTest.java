package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.runtime.CascadeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The checks every call makes of the ids it is given, and how messages name them. */
class KeysTest {

  @Test
  void aNullListIsRefusedWithWhatToPassInstead() {
    assertThatThrownBy(() -> Keys.of("users", null))
        .isExactlyInstanceOf(CascadeException.class)
        .hasMessage("users: the id list is null; pass an empty list to delete nothing");
  }

  @Test
  void aNullIdIsRefused() {
    assertThatThrownBy(() -> Keys.of("users", Arrays.asList(1L, null, 2L)))
        .isExactlyInstanceOf(CascadeException.class)
        .hasMessage("users: ids must not be null; got 3 ids with a null among them");
  }

  @Test
  void theOneIdOfADestroyBeingNullIsSaidSo() {
    assertThatThrownBy(() -> Keys.of("organizations", Collections.singletonList(null)))
        .isExactlyInstanceOf(CascadeException.class)
        .hasMessage("organizations: the id is null; pass the key of a row");
  }

  @Test
  void repeatedIdsAreKeptOnceInTheOrderFirstGiven() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();

    assertThat(Keys.of("t", List.of(3L, 1L, 3L, 2L, 1L)).ids()).containsExactly(3L, 1L, 2L);
    assertThat(Keys.of("t", List.of(b, a, b)).ids()).containsExactly(b, a);
    assertThat(Keys.of("t", List.of("FR", "DE", "FR")).ids()).containsExactly("FR", "DE");
  }

  @Test
  void anEmptyListIsEmpty() {
    assertThat(Keys.of("users", List.of()).isEmpty()).isTrue();
    assertThat(Keys.of("users", List.of(1L)).isEmpty()).isFalse();
  }

  @Test
  void wholeNumbersOfSeveralWidthsBecomeLongsWithoutRepeats() {
    List<Object> mixed = new ArrayList<>(List.of(1, 2L, (short) 3, 1L));

    assertThat(Keys.of("t", mixed).ids()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void idsOfUnrelatedTypesAreRefused() {
    List<Object> mixed = new ArrayList<>(List.of(1L, "FR"));

    assertThatThrownBy(() -> Keys.of("countries", mixed))
        .isExactlyInstanceOf(CascadeException.class)
        .hasMessage("countries: the ids mix Long, String; pass ids of the key's type only");
  }

  @Test
  void describeNamesOneIdAlone() {
    assertThat(Keys.of("users", List.of(5L)).describe()).isEqualTo("5");
    assertThat(Keys.of("users", List.of(5L)).toString()).isEqualTo("users 5");
    assertThat(Keys.of("countries", List.of("FR")).toString()).isEqualTo("countries FR");
  }

  @Test
  void describeListsUpToTenIdsAndCountsTheRest() {
    assertThat(Keys.of("users", List.of(5L, 6L)).describe()).isEqualTo("[5, 6]");
    assertThat(Keys.of("users", LongStream.rangeClosed(1, 10).boxed().toList()).describe())
        .isEqualTo("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]");
    assertThat(Keys.of("users", LongStream.rangeClosed(1, 100_000).boxed().toList()).describe())
        .isEqualTo("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 100000 ids in all]");
  }

  @Test
  void theTableIsKept() {
    assertThat(Keys.of("users", List.of(1L)).table()).isEqualTo("users");
  }

  private record Row(Object id, String name) {}

  @Test
  void recordsComeInTheOrderOfTheIdsAndUnmatchedOnesLastAsTheDatabaseGaveThem() {
    Keys keys = Keys.of("t", List.of(3L, 1L, 2L));
    List<Row> fromDatabase = List.of(new Row(1L, "one"), new Row(9L, "nine"), new Row(2L, "two"), new Row(3L, "three"));

    assertThat(keys.inOrder(fromDatabase, Row::id)).extracting(Row::name).containsExactly("three", "one", "two", "nine");
    assertThat(Keys.of("t", List.of(2, 1)).inOrder(List.of(new Row(1, "one"), new Row(2, "two")), Row::id))
        .extracting(Row::name).containsExactly("two", "one");
  }

  @Test
  void missingIdsAreThoseNoKeyFoundEqualsUnlessTheDatabaseMatchedThemByItsOwnRules() {
    Keys keys = Keys.of("t", List.of(3L, 1L, 2L));

    assertThat(keys.missingFrom(List.of(2L))).containsExactly(3L, 1L);
    assertThat(keys.missingFrom(List.of(1, 2L, 3L))).as("an int key found for a long id").isEmpty();
    assertThat(Keys.of("t", List.of("ABC")).missingFrom(List.of("abc")))
        .as("MySQL compares strings without regard to case").isEmpty();
  }
}
