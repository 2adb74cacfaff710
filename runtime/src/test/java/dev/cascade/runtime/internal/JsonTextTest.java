package dev.cascade.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The journal's JSON texts read back as they were written, whatever the keys hold. */
class JsonTextTest {

  @Test
  void keysOfEveryTypeReadBackAsText() {
    UUID uuid = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    String awkward = "a \"quoted\" \\ key\twith\ncontrol \u0001 and ünïcödé";
    String json = JsonText.strings(List.of(1L, 42, uuid, awkward, ""));

    assertThat(JsonText.readStrings(json)).containsExactly("1", "42", uuid.toString(), awkward, "");
    assertThat(JsonText.readStrings(JsonText.strings(List.of()))).isEmpty();
  }

  @Test
  void rowsByTableKeepTheirOrder() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("likes", 1_000_000L);
    counts.put("comments", 12L);
    counts.put("users", 0L);

    assertThat(JsonText.readCounts(JsonText.counts(counts))).containsExactlyEntriesOf(counts);
    assertThat(JsonText.counts(counts)).isEqualTo("{\"likes\":1000000,\"comments\":12,\"users\":0}");
    assertThat(JsonText.readCounts("{}")).isEmpty();
  }
}
