package dev.cascade.processor.plan;

import static com.google.common.truth.Truth.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Generated SQL is written by the processor and run by the runtime: the placeholders, bind
 * parameters, bookkeeping columns and step kinds they share are spelled in one class on each side,
 * and must agree.
 */
class ProtocolTest {

  @Test
  void processorAndRuntimeSpellEveryProtocolNameAlike() throws ReflectiveOperationException {
    Map<String, Object> processor = constants(Protocol.class);
    Map<String, Object> runtime = constants(Class.forName("dev.cascade.runtime.internal.Protocol"));

    assertThat(processor).isNotEmpty();
    assertThat(processor).containsExactlyEntriesIn(runtime);
  }

  @Test
  void deleteAndRestoreStepKindsAreTheRuntimes() throws ReflectiveOperationException {
    assertThat(names(DeleteStep.Kind.class))
        .containsExactlyElementsIn(names(Class.forName("dev.cascade.runtime.internal.DeleteStep$Kind")))
        .inOrder();
    assertThat(names(RestoreStep.Kind.class))
        .containsExactlyElementsIn(names(Class.forName("dev.cascade.runtime.internal.RestoreStep$Kind")))
        .inOrder();
  }

  @Test
  void databasesAreTheRuntimes() throws ReflectiveOperationException {
    assertThat(names(Dialect.class)).containsExactlyElementsIn(names(Class.forName("dev.cascade.runtime.Dialect"))).inOrder();
  }

  private static Map<String, Object> constants(Class<?> type) throws IllegalAccessException {
    Map<String, Object> constants = new TreeMap<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())) {
        constants.put(field.getName(), field.get(null));
      }
    }
    return constants;
  }

  private static List<String> names(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
  }
}
