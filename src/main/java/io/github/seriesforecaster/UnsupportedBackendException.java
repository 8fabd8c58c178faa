package io.github.seriesforecaster;

/**
 * The ND4J backend cannot run on this machine: no backend could be loaded (for the CUDA backend,
 * usually a missing NVIDIA driver or CUDA 11.x runtime), or a GPU has a compute capability the
 * ND4J CUDA build has no kernels for. The message names the cause and points to
 * {@code docs/backends.md}.
 */
public final class UnsupportedBackendException extends ForecasterException {
  private static final long serialVersionUID = 1L;

  /** @param message what cannot run, the rule, and the actual value */
  public UnsupportedBackendException(String message) {
    super(message);
  }

  /**
   * @param message what cannot run, the rule, and the actual value
   * @param cause the underlying failure
   */
  public UnsupportedBackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
