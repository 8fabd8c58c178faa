package io.github.seriesforecaster;

/**
 * A model file cannot be read: it is empty, truncated, not a zip, was not written by this
 * library, has a format version this release does not read, or exceeds one of the limits that
 * bound loading an untrusted file (docs/security.md). The message names the file, and the entry
 * and the limit where one applies.
 */
public final class ModelFormatException extends ForecasterException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong with which file */
  public ModelFormatException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong with which file
   * @param cause the underlying failure
   */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
