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

/** {@code comments}, mapped plainly: removing one removes its likes. */
@Entity
@Table(name = "comments")
public class CommentEntity {
  @Id Long id;
  String body;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "post_id")
  PostEntity post;

  @OneToMany(mappedBy = "comment", cascade = CascadeType.REMOVE)
  List<LikeEntity> likes;

  protected CommentEntity() {}
}
