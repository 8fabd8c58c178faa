package io.github.seriesforecaster;

/**
 * Base type of the library's own unchecked exceptions.
 *
 * <p>Bad arguments still raise {@link IllegalArgumentException} or {@link NullPointerException},
 * lifecycle misuse {@link IllegalStateException}, and file-system failures {@link java.io.IOException};
 * this hierarchy covers what the library finds wrong in data and model files, and a backend that
 * cannot run. See {@code docs/errors.md} for every type with an example message.
 */
public class ForecasterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, the rule, and the actual value */
  public ForecasterException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, the rule, and the actual value
   * @param cause the underlying failure
   */
  public ForecasterException(String message, Throwable cause) {
    super(message, cause);
  }
}
