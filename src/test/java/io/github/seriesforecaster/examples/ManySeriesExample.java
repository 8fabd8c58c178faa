package io.github.seriesforecaster.examples;

import io.github.seriesforecaster.many.GlobalFitReport;
import io.github.seriesforecaster.many.GlobalForecaster;
import io.github.seriesforecaster.many.SeriesSet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The README's "Many series" example on generated data: 100 hourly meters with a daily and a
 * weekly cycle, levels from 1 to 10,000, trained as one global model; then a forecast for every
 * meter, one for a meter the model never saw, and a save/load round trip.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.examples.ManySeriesExample
 * </pre>
 */
public final class ManySeriesExample {
  private ManySeriesExample() {}

  public static void main(String[] args) throws Exception {
    SeriesSet meters = meters(100, 24 * 7 * 8, 1);
    GlobalForecaster f = GlobalForecaster.builder().season(24).horizon(48)
        .epochs(15).hidden(32).build();           // a small, quick model for the example
    GlobalFitReport report = f.fit(meters);
    System.out.println(report.summary());
    Map<String, double[]> next = f.forecast(meters, 48);
    System.out.printf(Locale.ROOT, "meter-0, next 6 hours: %s%n",
        Arrays.toString(Arrays.stream(next.get("meter-0")).limit(6)
            .map(v -> Math.round(v * 10) / 10.0).toArray()));

    double[] unseen = meters(1, 24 * 14, 99).get("meter-0");
    System.out.printf(Locale.ROOT, "a meter never seen in training, next 6 hours: %s%n",
        Arrays.toString(Arrays.stream(f.forecast(unseen, 6))
            .map(v -> Math.round(v * 10) / 10.0).toArray()));

    Path file = Path.of("models/meters-global.zip");
    f.save(file);
    GlobalForecaster loaded = GlobalForecaster.load(file);
    System.out.println("reloaded model gives the same forecast: "
        + Arrays.equals(loaded.forecast(meters, 48).get("meter-7"), next.get("meter-7")));
  }

  /** Hourly series: level × daily profile × weekday effect × noise. */
  static SeriesSet meters(int count, int hours, long seed) {
    Random random = new Random(seed);
    var series = new LinkedHashMap<String, double[]>();
    for (int m = 0; m < count; m++) {
      double level = Math.pow(10, 4 * random.nextDouble());
      double peak = 6 + 12 * random.nextDouble();
      double weekend = 0.6 + 0.5 * random.nextDouble();
      double[] values = new double[hours];
      for (int t = 0; t < hours; t++) {
        double daily = 1 + 0.5 * Math.exp(-Math.pow((t % 24 - peak) / 3, 2));
        double weekly = (t / 24) % 7 >= 5 ? weekend : 1;
        values[t] = level * daily * weekly * (1 + 0.05 * random.nextGaussian());
      }
      series.put("meter-" + m, values);
    }
    return SeriesSet.of(series);
  }
}
