package io.github.seriesforecaster.internal.data;

import java.util.Arrays;

/** A growable array of primitive doubles: a long column read as boxed values would cost five times the memory. */
final class DoubleList {
  private double[] values = new double[1024];
  private int size;

  void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.multiplyExact(values.length, 2));
    }
    values[size++] = value;
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
