/**
 * What generated deleters and restorers call. Public only so generated code in your packages can
 * reach it: it is not API, and may change in any release.
 */
package dev.cascade.runtime.internal;
