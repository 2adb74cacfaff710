package dev.cascade.benchmarks.hibernate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;

/** {@code posts}, mapped plainly: removing one removes its comments. */
@Entity
@Table(name = "posts")
public class PostEntity {
  @Id Long id;
  String title;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id")
  UserEntity user;

  @OneToMany(mappedBy = "post", cascade = CascadeType.REMOVE)
  List<CommentEntity> comments;

  protected PostEntity() {}
}
