/**
 * One small class per family of checks. Each returns diagnostics and never throws, so that every
 * error of a round is reported.
 */
package dev.cascade.processor.validate;
