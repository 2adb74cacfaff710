package dev.cascade.it.reliability.model;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A random forum to start a sequence from. Every reference is a position, taken modulo the rows
 * there are, so that any shrunk forest is still a valid one.
 *
 * @param users how many users (at least one)
 * @param posts each post's author
 * @param comments each comment's post and author
 * @param likes each like's comment and user
 * @param reactions each reaction's subject: even numbers a post, odd ones a comment
 * @param invoices each invoice's user (a user with one cannot be deleted: RESTRICT)
 * @param sessions each session's user (unlinked on delete: SET_NULL)
 */
record Forest(
    int users,
    List<Integer> posts,
    List<Pair> comments,
    List<Pair> likes,
    List<Integer> reactions,
    List<Integer> invoices,
    List<Integer> sessions) {

  /** Two positions. */
  record Pair(int first, int second) {}

  static Arbitrary<Forest> any() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 9);
    Arbitrary<Pair> pair = Combinators.combine(position, position).as(Pair::new);
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            position.list().ofMaxSize(6),
            pair.list().ofMaxSize(8),
            pair.list().ofMaxSize(8),
            Arbitraries.integers().between(0, 19).list().ofMaxSize(5),
            position.list().ofMaxSize(2),
            position.list().ofMaxSize(3))
        .as(Forest::new);
  }
}
