package dev.cascade.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;

/**
 * {@code likes}, mapped with Hibernate's {@code @SoftDelete} on its {@code deleted} flag.
 */
@Entity
@Table(name = "likes")
@SoftDelete(columnName = "deleted")
public class SoftLikeEntity {
  @Id Long id;

  @ManyToOne // Hibernate refuses LAZY to-ones towards @SoftDelete entities.
  @JoinColumn(name = "comment_id")
  SoftCommentEntity comment;

  protected SoftLikeEntity() {}
}
