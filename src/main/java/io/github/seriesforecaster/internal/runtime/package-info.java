/**
 * Checks and settings of the native runtime under the network: Backends (which ND4J backend runs,
 * whether its CUDA build can run on the GPUs present, clear messages when none loads) and
 * NativeRuntime (process-wide ND4J thread counts). Imports ND4J and the root package's exceptions,
 * nothing from data, model, train or io.
 */
package io.github.seriesforecaster.internal.runtime;
