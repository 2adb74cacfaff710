package dev.cascade.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** {@code likes}, mapped plainly. */
@Entity
@Table(name = "likes")
public class LikeEntity {
  @Id Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "comment_id")
  CommentEntity comment;

  protected LikeEntity() {}
}
