/**
 * Elements and type mirrors in, {@link dev.cascade.processor.model.ModelSpec}s out. No validation
 * beyond "can this be read": a type that does not exist yet defers the model to a later round.
 */
package dev.cascade.processor.read;
