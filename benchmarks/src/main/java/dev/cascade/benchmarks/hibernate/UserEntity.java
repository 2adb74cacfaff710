package dev.cascade.benchmarks.hibernate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;

/** {@code users}, mapped plainly: removing one removes its posts. */
@Entity
@Table(name = "users")
public class UserEntity {
  @Id Long id;
  String name;

  @OneToMany(mappedBy = "user", cascade = CascadeType.REMOVE)
  List<PostEntity> posts;

  protected UserEntity() {}
}
