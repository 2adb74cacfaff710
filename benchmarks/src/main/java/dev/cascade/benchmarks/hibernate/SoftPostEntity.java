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
 * {@code posts}, mapped with Hibernate's {@code @SoftDelete} on its {@code deleted} flag: removing one removes its comments.
 */
@Entity
@Table(name = "posts")
@SoftDelete(columnName = "deleted")
public class SoftPostEntity {
  @Id Long id;
  String title;

  @ManyToOne // Hibernate refuses LAZY to-ones towards @SoftDelete entities.
  @JoinColumn(name = "user_id")
  SoftUserEntity user;

  @OneToMany(mappedBy = "post", cascade = CascadeType.REMOVE)
  List<SoftCommentEntity> comments;

  protected SoftPostEntity() {}
}
