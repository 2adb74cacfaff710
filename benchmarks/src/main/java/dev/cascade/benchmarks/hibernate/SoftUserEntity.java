package dev.cascade.benchmarks.hibernate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.SoftDelete;

/**
 * {@code users}, mapped with Hibernate's {@code @SoftDelete} on its {@code deleted} flag: removing one removes its posts.
 */
@Entity
@Table(name = "users")
@SoftDelete(columnName = "deleted")
public class SoftUserEntity {
  @Id Long id;
  String name;

  @OneToMany(mappedBy = "user", cascade = CascadeType.REMOVE)
  List<SoftPostEntity> posts;

  protected SoftUserEntity() {}
}
