module app {
  requires dev.cascade.annotations;
  requires dev.cascade.runtime;
  requires org.jdbi.v3.core;
  requires java.sql;                  // the generated row mappers read a java.sql.ResultSet
  requires static java.compiler;      // optional: only for @javax.annotation.processing.Generated
  provides dev.cascade.runtime.internal.GeneratedDeleter      // for Journal.purge, see below
      with app.UserDeleter.Registration, app.PostDeleter.Registration;
}
