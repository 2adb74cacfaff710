/**
 * What an application uses beside the generated {@code XDeleter} and {@code XRestorer} classes:
 * options, results, configuration, listeners and the one exception type.
 *
 * <pre>{@code
 * DeleteResult result = UserDeleter.destroy(handle, id);
 * UserDeleter.destroy(handle, id, DeleteOptions.defaults().withStrategy(DeleteStrategy.TRASH));
 * User back = UserRestorer.restore(handle, id);
 * }</pre>
 */
package dev.cascade.runtime;
