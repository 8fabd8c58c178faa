package io.github.seriesforecaster.internal.io;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classes that record being initialised or constructed, to show that a model file naming them
 * cannot make the loader run their code. Only the names of the nested classes are put into model
 * files; the record lives here, so reading it initialises none of them.
 */
final class Canaries {
  /** Simple names of the canaries whose static initialiser or constructor has run. */
  static final Set<String> RAN = ConcurrentHashMap.newKeySet();

  private Canaries() {}

  /** A class unrelated to DL4J. */
  static final class Plain {
    static {
      RAN.add("Plain");
    }

    Plain() {
      RAN.add("Plain()");
    }
  }

  /** A genuine activation function: a valid subtype where the configuration names one. */
  public static final class Activation
      extends org.nd4j.linalg.activations.impl.ActivationIdentity {
    static {
      RAN.add("Activation");
    }

    public Activation() {
      RAN.add("Activation()");
    }
  }

  /** Only used to show that DL4J's own readers do run foreign code (the control). */
  static final class Control {
    static {
      RAN.add("Control");
    }

    Control() {
      RAN.add("Control()");
    }
  }

  /** As {@link Control}, named as an array type id (no {@code @class} key at all). */
  static final class ArrayControl {
    static {
      RAN.add("ArrayControl");
    }
  }

  /** As {@link Control}, for the normalizer reader. */
  public static final class NormalizerControl {
    static {
      RAN.add("NormalizerControl");
    }

    public NormalizerControl() {
      RAN.add("NormalizerControl()");
    }
  }
}
