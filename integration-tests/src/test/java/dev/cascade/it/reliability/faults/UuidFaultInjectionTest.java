package dev.cascade.it.reliability.faults;

import dev.cascade.it.reliability.ForumFlavour;

/** Every fault of {@link FaultInjectionTest}, on the forum with UUID keys. */
class UuidFaultInjectionTest extends FaultInjectionTest {
  @Override
  ForumFlavour flavour() {
    return ForumFlavour.UUID_KEYS;
  }
}
