package dev.cascade.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cascade.processor.Sources.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compares whole generated deleters and restorers with the files under {@code src/test/resources/golden/}, and
 * checks that the same sources always give the same bytes.
 *
 * <p>After an intended change to generated code, rewrite the golden files, then review their diff:
 *
 * <pre>
 * ./mvnw -q -B -pl processor -am verify -Dtest=GoldenFilesTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcascade.golden.update=true
 * </pre>
 */
class GoldenFilesTest {
  private static final boolean UPDATE = Boolean.getBoolean("cascade.golden.update");

  /** The processor module: surefire sets {@code basedir}, and runs tests there anyway. */
  private static final Path MODULE = Path.of(System.getProperty("basedir", ""));

  /** Where the golden files live in the source tree. */
  private static final Path GOLDEN_SOURCES = MODULE.resolve("src/test/resources/golden");

  /**
   * A forum: users own posts, and comments through two paths (their posts' comments, and the
   * comments they wrote); invoices RESTRICT the delete; sessions are unlinked (SET_NULL). Every
   * table of the cascade has deleted_at, so all three strategies are planned.
   */
  private static final List<JavaFileObject> FORUM =
      List.of(
          source(
              "com.example.forum.User",
              """
              @Table("users")
              @HasMany(Post.class)
              @HasMany(value = Comment.class, foreignKey = "author_id")
              @HasMany(value = Invoice.class, onDelete = OnDelete.RESTRICT)
              @HasMany(value = Session.class, onDelete = OnDelete.SET_NULL)
              @Deletable(strategy = DeleteStrategy.SOFT)
              public record User(long id, String name, Instant deletedAt) {}
              """),
          source(
              "com.example.forum.Post",
              """
              @Table("posts")
              @HasMany(Comment.class)
              public record Post(
                  long id, @BelongsTo(User.class) long userId, String title, Instant deletedAt) {}
              """),
          source(
              "com.example.forum.Comment",
              """
              @Table("comments")
              public record Comment(
                  long id,
                  @BelongsTo(Post.class) long postId,
                  @BelongsTo(User.class) long authorId,
                  String body,
                  Instant deletedAt) {}
              """),
          source(
              "com.example.forum.Invoice",
              """
              @Table("invoices")
              public record Invoice(long id, @BelongsTo(User.class) long userId, long cents) {}
              """),
          source(
              "com.example.forum.Session",
              """
              @Table("sessions")
              public record Session(long id, @BelongsTo(User.class) Long userId, String token) {}
              """));

  /**
   * A shop: customers own orders, in a table named with the reserved word {@code order}, whose
   * lines have a {@code value} column (reserved by H2 only); notes hang off customers and orders
   * through one polymorphic key, each parent picking its rows with {@code where}.
   */
  private static final List<JavaFileObject> SHOP =
      List.of(
          source(
              "com.example.shop.Customer",
              """
              @Table("customers")
              @HasMany(Order.class)
              @HasMany(value = Note.class, where = "subject_type = 'customer'")
              public record Customer(long id, String name) {}
              """),
          source(
              "com.example.shop.Order",
              """
              @Table("order")
              @HasMany(OrderLine.class)
              @HasMany(value = Note.class, where = "subject_type = 'order'")
              public record Order(long id, @BelongsTo(Customer.class) long customerId, long cents) {}
              """),
          source(
              "com.example.shop.OrderLine",
              """
              @Table("order_lines")
              public record OrderLine(
                  long id, @BelongsTo(Order.class) long orderId, String sku, long value) {}
              """),
          source(
              "com.example.shop.Note",
              """
              @Table("notes")
              public record Note(
                  long id,
                  @BelongsTo({Customer.class, Order.class}) long subjectId,
                  String subjectType,
                  String body) {}
              """));

  /**
   * A tree: folders have many folders (deleted and restored as whole subtrees with recursive
   * queries) and documents.
   */
  private static final List<JavaFileObject> TREE =
      List.of(
          source(
              "com.example.drive.Folder",
              """
              @Table("folders")
              @HasMany(value = Folder.class, foreignKey = "parent_id")
              @HasMany(Document.class)
              public record Folder(
                  long id, @BelongsTo(Folder.class) Long parentId, String name, Instant deletedAt) {}
              """),
          source(
              "com.example.drive.Document",
              """
              @Table("documents")
              public record Document(
                  long id, @BelongsTo(Folder.class) long folderId, String title, Instant deletedAt) {}
              """));

  /**
   * A tree below the root: a drive has many folders, which have many folders. On PostgreSQL and
   * SQLite the folders below the tops go with the tops in one statement; a soft restore finds the
   * tops once on SQLite ({@code <sqlite>} parts).
   */
  private static final List<JavaFileObject> TREE_BELOW_THE_ROOT =
      List.of(
          source(
              "com.example.shared.Drive",
              """
              @Table("drives")
              @HasMany(Folder.class)
              public record Drive(long id, String name, Instant deletedAt) {}
              """),
          source(
              "com.example.shared.Folder",
              """
              @Table("folders")
              @HasMany(value = Folder.class, foreignKey = "parent_id")
              public record Folder(
                  long id,
                  @BelongsTo(Drive.class) long driveId,
                  @BelongsTo(Folder.class) Long parentId,
                  String name,
                  Instant deletedAt) {}
              """));

  @Test
  void treeBelowTheRootDriveDeleterMatchesItsGoldenFile() {
    assertMatchesGolden(TREE_BELOW_THE_ROOT, "com.example.shared.DriveDeleter", "shared/DriveDeleter.java");
  }

  @Test
  void treeBelowTheRootDriveRestorerMatchesItsGoldenFile() {
    assertMatchesGolden(TREE_BELOW_THE_ROOT, "com.example.shared.DriveRestorer", "shared/DriveRestorer.java");
  }

  @Test
  void treeFolderDeleterMatchesItsGoldenFile() {
    assertMatchesGolden(TREE, "com.example.drive.FolderDeleter", "drive/FolderDeleter.java");
  }

  @Test
  void treeFolderRestorerMatchesItsGoldenFile() {
    assertMatchesGolden(TREE, "com.example.drive.FolderRestorer", "drive/FolderRestorer.java");
  }

  @Test
  void forumUserDeleterMatchesItsGoldenFile() {
    assertMatchesGolden(FORUM, "com.example.forum.UserDeleter", "forum/UserDeleter.java");
  }

  @Test
  void forumUserRestorerMatchesItsGoldenFile() {
    assertMatchesGolden(FORUM, "com.example.forum.UserRestorer", "forum/UserRestorer.java");
  }

  @Test
  void shopCustomerDeleterMatchesItsGoldenFile() {
    assertMatchesGolden(SHOP, "com.example.shop.CustomerDeleter", "shop/CustomerDeleter.java");
  }

  @Test
  void shopCustomerRestorerMatchesItsGoldenFile() {
    assertMatchesGolden(SHOP, "com.example.shop.CustomerRestorer", "shop/CustomerRestorer.java");
  }

  @Test
  void forumSourcesInAnotherOrderGiveByteIdenticalOutput() {
    assertSameOutputInAnyOrder(FORUM);
  }

  @Test
  void shopSourcesInAnotherOrderGiveByteIdenticalOutput() {
    assertSameOutputInAnyOrder(SHOP);
  }

  private static void assertMatchesGolden(
      List<JavaFileObject> sources, String generated, String golden) {
    Compilation compilation = compile(sources.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
    String actual = contents(compilation.generatedSourceFile(generated).orElseThrow());

    if (UPDATE) {
      write(GOLDEN_SOURCES.resolve(golden), actual);
      return;
    }
    assertWithMessage(
            "generated %s differs from golden/%s; if the change is intended, rerun with"
                + " -Dcascade.golden.update=true and review the diff",
            generated,
            golden)
        .that(actual)
        .isEqualTo(readGolden(golden));
  }

  private static void assertSameOutputInAnyOrder(List<JavaFileObject> sources) {
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    Collections.reverse(reversed);

    Map<String, byte[]> inOrder = generated(sources);
    Map<String, byte[]> again = generated(sources);
    Map<String, byte[]> inReverse = generated(reversed);

    assertThat(inOrder).isNotEmpty();
    assertThat(again.keySet()).containsExactlyElementsIn(inOrder.keySet());
    assertThat(inReverse.keySet()).containsExactlyElementsIn(inOrder.keySet());
    for (String name : inOrder.keySet()) {
      assertWithMessage("%s compiled twice", name)
          .that(Arrays.equals(again.get(name), inOrder.get(name)))
          .isTrue();
      assertWithMessage("%s compiled from sources in reverse order", name)
          .that(new String(inReverse.get(name), StandardCharsets.UTF_8))
          .isEqualTo(new String(inOrder.get(name), StandardCharsets.UTF_8));
      assertWithMessage("%s compiled from sources in reverse order, byte for byte", name)
          .that(Arrays.equals(inReverse.get(name), inOrder.get(name)))
          .isTrue();
    }
  }

  /** Every generated source, by name, as bytes. */
  private static Map<String, byte[]> generated(List<JavaFileObject> sources) {
    Compilation compilation = compile(sources.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      try (InputStream in = file.openInputStream()) {
        files.put(file.getName(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static JavaFileObject source(String qualifiedName, String body) {
    String packageName = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    return JavaFileObjects.forSourceString(
        qualifiedName,
        "package "
            + packageName
            + ";\n\nimport dev.cascade.annotations.*;\nimport java.time.Instant;\n\n"
            + body);
  }

  private static String contents(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readGolden(String golden) {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + golden)) {
      if (in == null) {
        throw new AssertionError(
            "no golden file golden/" + golden + "; create it with -Dcascade.golden.update=true");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String contents) {
    if (!Files.isDirectory(MODULE.resolve("src/test/java/dev/cascade/processor"))) {
      throw new AssertionError(
          "cannot find the processor module's sources from " + MODULE.toAbsolutePath()
              + "; run the golden update through Maven, as the class comment shows");
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, contents, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
