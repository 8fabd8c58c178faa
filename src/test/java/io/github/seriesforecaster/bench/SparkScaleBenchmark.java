package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.spark.SparkColumns;
import io.github.seriesforecaster.spark.SparkForecaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scaling of {@link SparkForecaster}: fits the same set of M4 hourly series (repeated to the
 * wanted count, last {@code length} values of each) on a Spark {@code local-cluster} with separate
 * executor JVMs, or in one plain JVM with a pool of threads as the no-Spark reference, and prints
 * one line: series per second of the fit job, CPU seconds and peak resident memory of each
 * executor JVM, and a digest of all forecasts (equal digests mean bit-identical forecasts).
 *
 * <p>Run through {@code bench/spark-scale.sh}, which builds the classpath, a SPARK_HOME made of
 * links to it, and passes Spark's Java 17 flags:
 *
 * <pre>
 * bench/spark-scale.sh                      # 1x1 and 2x1 executors and the plain JVM, twice
 * bench/spark-scale.sh 'local-cluster[2,1,1024]' plain:2
 * </pre>
 *
 * <p>Arguments: mode ({@code local-cluster[N,1,MB]}, or {@code plain:THREADS}), series count
 * (default 1000), values per series (default 240), epochs (default 10), path of
 * {@code Hourly-train.csv} (default {@code ../shared/data/m4/Hourly-train.csv}).
 */
public final class SparkScaleBenchmark {
  private static final int STEPS = 24;

  private SparkScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "local-cluster[2,1,1024]";
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int length = args.length > 2 ? Integer.parseInt(args[2]) : 240;
    int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    Path csv = Path.of(args.length > 4 ? args[4] : "../shared/data/m4/Hourly-train.csv");
    ForecasterConfig config = SeriesForecaster.builder().window(12).hidden(8).epochs(epochs)
        .seed(42).threads(1).parallelism(1).config();
    Map<String, double[]> series = repeat(readWide(csv), count, length);
    String line = mode.startsWith("plain:")
        ? plain(series, config, Integer.parseInt(mode.substring("plain:".length())))
        : spark(series, config, mode);
    System.out.printf(Locale.ROOT, "mode=%s series=%d length=%d epochs=%d %s%n", mode, count,
        length, epochs, line);
  }

  /** The reference: one JVM, a pool of {@code threads} threads, one single-threaded fit each. */
  private static String plain(Map<String, double[]> series, ForecasterConfig config, int threads)
      throws Exception {
    fitOne(config, series.values().iterator().next()); // loads ND4J, as the warm-up does on Spark
    long cpu = ProcessCpu.nanos();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Map<String, Future<double[]>> futures = new TreeMap<>();
    series.forEach((id, values) -> futures.put(id, pool.submit(() -> fitOne(config, values))));
    Map<String, double[]> forecasts = new TreeMap<>();
    for (Map.Entry<String, Future<double[]>> entry : futures.entrySet()) {
      forecasts.put(entry.getKey(), entry.getValue().get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return String.format(Locale.ROOT,
        "seconds=%.1f series_per_s=%.2f cpu_s=%.1f peak_rss_mb=%d digest=%s", seconds,
        series.size() / seconds, (ProcessCpu.nanos() - cpu) / 1e9,
        ProcessMemory.peakResidentBytes() >> 20, digest(forecasts));
  }

  private static double[] fitOne(ForecasterConfig config, double[] values) {
    SeriesForecaster forecaster = SeriesForecaster.builder(config).build();
    forecaster.fit(values);
    return forecaster.forecast(values, STEPS);
  }

  private static String spark(Map<String, double[]> series, ForecasterConfig config, String master)
      throws Exception {
    int executors = Integer.parseInt(master.replaceAll("local-cluster\\[(\\d+),.*", "$1"));
    SparkSession session = SparkSession.builder()
        .master(master)
        .appName("spark-scale-benchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.executor.memory", "1g")
        .config("spark.executorEnv.OMP_NUM_THREADS", "1")
        // e.g. -XX:ActiveProcessorCount=1: the executor JVM sees the one core it is given, as in
        // a one-CPU container, so its GC and JIT threads are sized for one core
        .config("spark.executor.extraJavaOptions",
            System.getProperty("benchmark.executorJavaOptions", ""))
        .config("spark.executor.extraClassPath", System.getProperty("benchmark.executorClassPath"))
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate();
    try {
      while (session.sparkContext().statusTracker().getExecutorInfos().length < executors + 1) {
        Thread.sleep(100); // executors register asynchronously
      }
      SparkForecaster forecaster = SparkForecaster.builder(config).steps(STEPS).build();
      // warm-up: every executor loads ND4J and its native library before the timed job
      Map<String, double[]> warmUp = new TreeMap<>();
      series.entrySet().stream().limit(4L * executors)
          .forEach(entry -> warmUp.put("warm-up-" + entry.getKey(), entry.getValue()));
      SparkForecaster.builder(config).steps(STEPS).partitions(2 * executors).build()
          .fit(longFormat(session, warmUp)).select(SparkColumns.STATUS).collectAsList();
      Map<String, long[]> before = executorCpuAndMemory(session);
      Dataset<Row> input = longFormat(session, series).cache();
      input.count();
      long start = System.nanoTime();
      List<Row> rows = forecaster.fit(input).select(SparkColumns.ID, SparkColumns.STATUS,
          SparkColumns.FORECAST, SparkColumns.EXECUTOR).collectAsList();
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, long[]> after = executorCpuAndMemory(session);
      Map<String, double[]> forecasts = new TreeMap<>();
      Map<String, Integer> perExecutor = new TreeMap<>();
      int notOk = 0;
      for (Row row : rows) {
        notOk += "OK".equals(row.getString(1)) ? 0 : 1;
        forecasts.put(row.getString(0), row.<Double>getList(2).stream()
            .mapToDouble(Double::doubleValue).toArray());
        perExecutor.merge(row.getString(3), 1, Integer::sum);
      }
      StringBuilder memory = new StringBuilder();
      after.forEach((pid, values) -> memory.append(String.format(Locale.ROOT,
          " executor_pid_%s_cpu_s=%.1f executor_pid_%s_peak_rss_mb=%d", pid,
          (values[0] - before.getOrDefault(pid, new long[2])[0]) / 100.0, pid, values[1] >> 20)));
      return String.format(Locale.ROOT,
          "seconds=%.1f series_per_s=%.2f not_ok=%d series_per_executor=%s driver_peak_rss_mb=%d%s "
              + "digest=%s", seconds, series.size() / seconds, notOk, perExecutor.values(),
          ProcessMemory.peakResidentBytes() >> 20, memory, digest(forecasts));
    } finally {
      session.stop();
    }
  }

  /**
   * @return per executor JVM of this application (by process id): CPU time in clock ticks
   *     (user + system, 100 per second) and peak resident bytes, from /proc
   */
  private static Map<String, long[]> executorCpuAndMemory(SparkSession session) throws IOException {
    String appId = session.sparkContext().applicationId();
    Map<String, long[]> result = new TreeMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.toList()) {
        String pid = process.getFileName().toString();
        if (!pid.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
          if (!command.contains("CoarseGrainedExecutorBackend") || !command.contains(appId)) {
            continue;
          }
          String[] stat = Files.readString(process.resolve("stat")).replaceAll(".*\\) ", "")
              .split(" ");
          long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime, stime
          long peak = ProcessMemory.parse(Files.readString(process.resolve("status")), "VmHWM");
          result.put(pid, new long[] {ticks, peak});
        } catch (IOException e) {
          // the process ended while we looked
        }
      }
    }
    return result;
  }

  private static Dataset<Row> longFormat(SparkSession session, Map<String, double[]> series) {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("time", DataTypes.LongType, false),
        DataTypes.createStructField("value", DataTypes.DoubleType, false)));
    List<Row> rows = new ArrayList<>();
    series.forEach((id, values) -> {
      for (int i = 0; i < values.length; i++) {
        rows.add(RowFactory.create(id, (long) i, values[i]));
      }
    });
    return session.createDataFrame(rows, schema);
  }

  /** @return {@code count} series: the given ones over and over, the last {@code length} values */
  private static Map<String, double[]> repeat(List<double[]> m4, int count, int length) {
    Map<String, double[]> series = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      double[] values = m4.get(i % m4.size());
      series.put(String.format(Locale.ROOT, "H%d#%d", i % m4.size() + 1, i / m4.size()),
          Arrays.copyOfRange(values, Math.max(0, values.length - length), values.length));
    }
    return series;
  }

  /** Reads the M4 wide format: a header row, then an id and the values, padded with empty cells. */
  private static List<double[]> readWide(Path csv) throws IOException {
    List<double[]> series = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      double[] values = Arrays.stream(cells, 1, cells.length)
          .map(cell -> cell.replace("\"", "").trim())
          .filter(cell -> !cell.isEmpty())
          .mapToDouble(Double::parseDouble).toArray();
      series.add(values);
    }
    return series;
  }

  /** SHA-256 over the ids and forecasts in id order, first 16 hex digits. */
  private static String digest(Map<String, double[]> forecasts) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    forecasts.forEach((id, values) -> {
      digest.update(id.getBytes(StandardCharsets.UTF_8));
      ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES);
      for (double value : values) {
        buffer.putDouble(value);
      }
      digest.update(buffer.array());
    });
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }
}
