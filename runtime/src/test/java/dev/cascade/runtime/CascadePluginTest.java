package dev.cascade.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.annotations.DeleteStrategy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.junit.jupiter.api.Test;

/** The JDBI plugin: found by {@code installPlugins()}, and settings applied once each. */
class CascadePluginTest {
  private static Jdbi jdbi() {
    return Jdbi.create("jdbc:nothing:never-connected");
  }

  @Test
  void serviceLoaderFindsThePluginAsJdbiInstallPluginsDoes() {
    assertThat(ServiceLoader.load(JdbiPlugin.class)).anyMatch(p -> p instanceof CascadePlugin);
  }

  @Test
  void aPluginWithoutSettingsChangesNothing() {
    Jdbi jdbi = jdbi().installPlugin(new CascadePlugin());
    CascadeConfig config = jdbi.getConfig(CascadeConfig.class);

    assertThat(config.getDefaultStrategy()).isEqualTo(DeleteStrategy.PERMANENT);
    assertThat(config.getJournalTable()).hasValue(CascadeConfig.DEFAULT_JOURNAL_TABLE);
    assertThat(config.getActorSupplier().get()).isNull();
  }

  @Test
  void theSettingsItNamesAreAppliedWhateverOtherPluginsWereInstalledFirst() {
    Clock stopped = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    Supplier<String> actor = () -> "alice@example.com";
    Jdbi jdbi =
        jdbi()
            .installPlugin(new CascadePlugin())
            .installPlugin(
                new CascadePlugin()
                    .withDefaultStrategy(DeleteStrategy.SOFT)
                    .withActorSupplier(actor)
                    .withClock(stopped)
                    .withJournalTable("audit_deletes"));
    CascadeConfig config = jdbi.getConfig(CascadeConfig.class);

    assertThat(config.getDefaultStrategy()).isEqualTo(DeleteStrategy.SOFT);
    assertThat(config.getActorSupplier().get()).isEqualTo("alice@example.com");
    assertThat(config.getClock()).isSameAs(stopped);
    assertThat(config.getJournalTable()).hasValue("audit_deletes");
  }

  @Test
  void theJournalCanBeTurnedOffAndPluginsWithTheSameSettingsAreOne() {
    Jdbi jdbi = jdbi().installPlugin(new CascadePlugin().withJournalTable(null));

    assertThat(jdbi.getConfig(CascadeConfig.class).getJournalTable()).isEmpty();
    assertThat(new CascadePlugin().withJournalTable(null)).isEqualTo(new CascadePlugin().withJournalTable(null));
    assertThat(new CascadePlugin()).isNotEqualTo(new CascadePlugin().withDefaultStrategy(DeleteStrategy.TRASH));
  }
}
