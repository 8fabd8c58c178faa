package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ModelFormatException;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Walks one array in ND4J's binary format ({@code Nd4j.write}) without allocating it, so that its
 * declared sizes can be checked against the bytes that are really there before {@code Nd4j.read}
 * allocates native memory for them. The format: a header (allocation mode, length, data type) and
 * the shape information as longs, then a header and the values.
 */
final class NdArrayFormat {
  /** Highest rank accepted; parameters and scaler statistics are vectors or row vectors. */
  static final int MAXIMUM_RANK = 2;

  private NdArrayFormat() {}

  /**
   * What one array declares.
   *
   * @param type the values' type
   * @param length the number of values
   */
  record Header(DataType type, long length) {}

  /**
   * Reads past one array, checking that every declared size fits in the bytes that remain and that
   * its shape information is what ND4J itself writes for that shape.
   *
   * @param in positioned at the array; {@code available()} must give the exact bytes left
   * @param entry the entry's name, for messages
   * @return what the array declares
   * @throws IOException if the bytes end early
   * @throws ModelFormatException if a declared size or the shape is invalid
   */
  static Header skip(DataInputStream in, String file, String entry) throws IOException {
    allocationMode(in, file, entry);
    long shapeLength = in.readLong();
    String shapeType = in.readUTF();
    if (!shapeType.equals("LONG") || shapeLength < 6 || shapeLength > 2L * MAXIMUM_RANK + 4
        || shapeLength % 2 != 0) {
      throw invalid(file, entry, "shape information of " + shapeLength + " " + shapeType
          + " values; expected a vector or matrix");
    }
    long[] shapeInfo = new long[(int) shapeLength];
    for (int i = 0; i < shapeInfo.length; i++) {
      shapeInfo[i] = in.readLong();
    }
    int rank = (int) (shapeLength - 4) / 2;
    if (shapeInfo[0] != rank) {
      throw invalid(file, entry, "rank " + shapeInfo[0] + " in shape information for rank " + rank);
    }
    long[] shape = Arrays.copyOfRange(shapeInfo, 1, 1 + rank);
    long count = 1;
    for (long dimension : shape) {
      if (dimension < 0 || dimension > Integer.MAX_VALUE) {
        throw invalid(file, entry, "shape " + Arrays.toString(shape));
      }
      count = Math.multiplyExact(count, dimension);
    }
    char order = (char) shapeInfo[shapeInfo.length - 1];
    if (order != 'c' && order != 'f') {
      throw invalid(file, entry, "order " + shapeInfo[shapeInfo.length - 1]);
    }
    allocationMode(in, file, entry);
    long length = in.readLong();
    String typeName = in.readUTF();
    DataType type = switch (typeName) {
      case "FLOAT" -> DataType.FLOAT;
      case "DOUBLE" -> DataType.DOUBLE;
      default -> throw invalid(file, entry, "values of type " + typeName
          + "; expected FLOAT or DOUBLE");
    };
    if (length != count) {
      throw invalid(file, entry, length + " values for shape " + Arrays.toString(shape));
    }
    long bytes = length * type.width();
    if (bytes > in.available()) {
      throw new ModelFormatException(String.format(Locale.ROOT,
          "%s: %s declares %d %s values (%d bytes), but only %d bytes follow; the entry is cut "
              + "short or damaged", file, entry, length, typeName, bytes, in.available()));
    }
    long[] expected = Nd4j.getShapeInfoProvider().createShapeInformation(shape, order, type)
        .getSecond();
    if (!Arrays.equals(expected, shapeInfo)) {
      throw invalid(file, entry, "shape information " + Arrays.toString(shapeInfo)
          + ", expected " + Arrays.toString(expected));
    }
    in.skipNBytes(bytes);
    return new Header(type, length);
  }

  private static void allocationMode(DataInputStream in, String file, String entry)
      throws IOException {
    String mode = in.readUTF();
    if (!mode.equals("MIXED_DATA_TYPES") && !mode.equals("LONG_SHAPE")) {
      throw invalid(file, entry, "allocation mode '" + mode + "'");
    }
  }

  private static ModelFormatException invalid(String file, String entry, String what) {
    return new ModelFormatException(file + ": " + entry + " holds an array with " + what
        + "; the entry is damaged or not written by ND4J");
  }
}
