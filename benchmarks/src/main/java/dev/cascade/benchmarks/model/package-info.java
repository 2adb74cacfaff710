/**
 * The benchmark's schema as Cascade models: users, posts, comments, likes, each owning the next.
 * The processor writes {@code UserDeleter} and {@code UserRestorer} here.
 */
package dev.cascade.benchmarks.model;
