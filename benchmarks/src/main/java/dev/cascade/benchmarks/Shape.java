package dev.cascade.benchmarks;

/**
 * How much data a benchmark loads: {@code users} users, each with {@code postsPerUser} posts,
 * each with {@code commentsPerPost} comments, each with {@code likesPerComment} likes.
 */
record Shape(int users, int postsPerUser, int commentsPerPost, int likesPerComment) {
  /** The data set: 1,220,010 rows, 122,001 in each user's tree. */
  static final Shape FULL = new Shape(10, 2_000, 10, 5);

  /** A tenth of {@link #FULL}: 200 posts per user, 12,201 rows per tree. */
  static final Shape TENTH = new Shape(10, 200, 10, 5);

  /** For the smoke test in {@code ./mvnw verify}: every scenario once, in well under a second. */
  static final Shape TINY = new Shape(3, 3, 2, 2);

  long posts() {
    return (long) users * postsPerUser;
  }

  long comments() {
    return posts() * commentsPerPost;
  }

  long likes() {
    return comments() * likesPerComment;
  }

  /** Rows one user's delete removes: the user, their posts, comments and likes. */
  long treeSize() {
    return 1 + (long) postsPerUser * (1 + (long) commentsPerPost * (1 + likesPerComment));
  }

  long totalRows() {
    return users * treeSize();
  }

  @Override
  public String toString() {
    return users + " users x " + postsPerUser + " posts x " + commentsPerPost + " comments x "
        + likesPerComment + " likes (" + totalRows() + " rows, " + treeSize() + " per user)";
  }
}
