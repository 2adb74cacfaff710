package dev.cascade.processor.validate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The key types are listed twice: by {@link KeyCheck}, which refuses a model whose key has another
 * type, and by the runtime's {@code KeyType}, which binds, packs and reads them back from the
 * journal. A type only the processor knew would compile and then be bound as {@code OTHER}; a type
 * only the runtime knew could never be used.
 */
class KeyTypesTest {
  private static final String RUNTIME_KEY_TYPE = "dev.cascade.runtime.internal.KeyType";

  @Test
  void everyKeyTypeTheProcessorAcceptsIsOneTheRuntimeKnows() throws ReflectiveOperationException {
    Method kindOf = runtimeKeyType().getDeclaredMethod("of", Class.class);
    kindOf.setAccessible(true);

    for (Class<?> type : KeyCheck.KEY_CLASSES) {
      assertWithMessage("the runtime's KeyType of %s", type.getName())
          .that(((Enum<?>) kindOf.invoke(null, type)).name())
          .isNotEqualTo("OTHER");
    }
  }

  @Test
  void everyKeyTypeTheRuntimeKnowsTheProcessorAccepts() throws ReflectiveOperationException {
    Method javaType = runtimeKeyType().getDeclaredMethod("javaType");
    javaType.setAccessible(true);
    List<Enum<?>> kinds =
        Arrays.stream(runtimeKeyType().getEnumConstants())
            .<Enum<?>>map(kind -> (Enum<?>) kind)
            .filter(kind -> !kind.name().equals("OTHER"))
            .toList();

    assertThat(kinds).hasSize(5);
    for (Enum<?> kind : kinds) {
      assertThat(KeyCheck.KEY_CLASSES).contains(javaType.invoke(kind));
    }
  }

  private static Class<?> runtimeKeyType() throws ClassNotFoundException {
    return Class.forName(RUNTIME_KEY_TYPE);
  }
}
