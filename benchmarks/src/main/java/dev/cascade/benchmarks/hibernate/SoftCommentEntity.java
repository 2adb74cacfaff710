package dev.cascade.benchmarks.hibernate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.SoftDelete;

/**
 * {@code comments}, mapped with Hibernate's {@code @SoftDelete} on its {@code deleted} flag: removing one removes its likes.
 */
@Entity
@Table(name = "comments")
@SoftDelete(columnName = "deleted")
public class SoftCommentEntity {
  @Id Long id;
  String body;

  @ManyToOne // Hibernate refuses LAZY to-ones towards @SoftDelete entities.
  @JoinColumn(name = "post_id")
  SoftPostEntity post;

  @OneToMany(mappedBy = "comment", cascade = CascadeType.REMOVE)
  List<SoftLikeEntity> likes;

  protected SoftCommentEntity() {}
}
