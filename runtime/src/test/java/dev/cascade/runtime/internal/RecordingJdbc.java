package dev.cascade.runtime.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A JDBC connection that runs nothing and writes down what reaches the driver: each {@code
 * setX(position, value)} of a prepared statement, each {@code createArrayOf(type, elements)}. With
 * it a test sees what JDBI sends for a bound value, per dialect and key type, with no database.
 */
final class RecordingJdbc {
  private final List<String> calls = new ArrayList<>();
  private final List<String> prepared = new ArrayList<>();

  private final Connection connection = proxy(Connection.class, this::onConnection);

  /** A handle on a connection that records. */
  Handle open() {
    return Jdbi.create(() -> connection).open();
  }

  /** The {@code setX(...)} and {@code createArrayOf(...)} calls, in order. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  /** The SQL of each prepared statement. */
  List<String> prepared() {
    return List.copyOf(prepared);
  }

  private Object onConnection(String method, Object[] args) {
    switch (method) {
      case "prepareStatement" -> {
        prepared.add((String) args[0]);
        return proxy(PreparedStatement.class, this::onStatement);
      }
      case "createArrayOf" -> {
        String array = args[0] + Arrays.toString((Object[]) args[1]);
        calls.add("createArrayOf(" + array + ")");
        return proxy(Array.class, (m, a) -> m.equals("toString") ? array : null);
      }
      case "getAutoCommit", "isValid" -> {
        return true;
      }
      default -> {
        return null;
      }
    }
  }

  private Object onStatement(String method, Object[] args) {
    if (method.equals("getConnection")) {
      return connection;
    }
    if (method.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
      calls.add(method + "(" + args[0] + ", " + args[1] + ")");
    }
    return null;
  }

  private interface Calls {
    Object on(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Calls calls) {
    InvocationHandler handler = (self, method, args) -> {
      if (method.getName().equals("toString") && (args == null || args.length == 0)) {
        Object said = calls.on("toString", null);
        return said != null ? said : type.getSimpleName();
      }
      if (method.getName().equals("hashCode")) {
        return System.identityHashCode(self);
      }
      if (method.getName().equals("equals")) {
        return self == args[0];
      }
      if (method.getName().equals("unwrap")) {
        return self;
      }
      Object result = calls.on(method.getName(), args);
      return result != null ? result : zero(method.getReturnType());
    };
    return (T) Proxy.newProxyInstance(RecordingJdbc.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object zero(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
