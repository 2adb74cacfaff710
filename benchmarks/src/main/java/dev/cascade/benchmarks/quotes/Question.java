package dev.cascade.benchmarks.quotes;

import dev.cascade.annotations.HasMany;
import dev.cascade.annotations.Table;

@Table("qa_questions")
@HasMany(Comment.class)
public record Question(long id, String title) {}
