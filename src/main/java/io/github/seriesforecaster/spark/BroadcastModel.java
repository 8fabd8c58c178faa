package io.github.seriesforecaster.spark;

import io.github.seriesforecaster.many.GlobalForecaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/** A global model broadcast as the bytes of its file, loaded once per task that uses it. */
final class BroadcastModel implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Broadcast<byte[]> bytes;
  private transient GlobalForecaster loaded;

  /** @param bytes the broadcast content of a global model file */
  BroadcastModel(Broadcast<byte[]> bytes) {
    this.bytes = bytes;
  }

  /**
   * @return the model, read from the broadcast bytes on the first call in this JVM's copy
   * @throws IOException if the bytes cannot be read as a global model
   */
  GlobalForecaster get() throws IOException {
    if (loaded == null) {
      loaded = GlobalForecaster.load(new ByteArrayInputStream(bytes.value()));
    }
    return loaded;
  }
}
