package io.github.seriesforecaster.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This library's version and the DL4J version it was built against, from a resource Maven fills in. */
public final class LibraryVersion {
  private static final Properties PROPERTIES = load();

  private LibraryVersion() {}

  /** @return e.g. {@code 0.1.0} */
  public static String library() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  /** @return e.g. {@code 1.0.0-M2.1} */
  public static String dl4j() {
    return PROPERTIES.getProperty("dl4j", "unknown");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = LibraryVersion.class.getResourceAsStream(
        "/io/github/seriesforecaster/library.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read library.properties from the jar", e);
    }
    return properties;
  }
}
