/**
 * Plans in, source files out. No decisions are made here, only layout; writers read the plan and
 * the model, never {@code Elements} or {@code Types}. They write each file's text top to bottom as
 * {@link dev.cascade.processor.write.Code}, with JavaPoet's placeholders and its layout, and
 * {@link dev.cascade.processor.write.SourceFile} chooses the imports and breaks the long lines, in
 * one pass: JavaPoet's specs, rendered twice a file, were half the processor's own time. JavaPoet's
 * type names stay: the model reads its types into them.
 */
package dev.cascade.processor.write;
