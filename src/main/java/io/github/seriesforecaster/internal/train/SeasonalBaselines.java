package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.internal.data.Scaler;
import io.github.seriesforecaster.internal.data.TransformCodec;
import io.github.seriesforecaster.internal.data.WindowEncoder;
import io.github.seriesforecaster.internal.model.AirlineModel;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.model.HoltWinters;
import io.github.seriesforecaster.internal.model.LinearWindowNetwork;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import io.github.seriesforecaster.internal.model.TrainingData;
import io.github.seriesforecaster.internal.train.CandidateChoice.Kind;
import java.time.Instant;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The candidates that are not trained networks, as models of the usual kind (the
 * seasonal-difference transform and a network computing their forecast from its window), so that
 * forecasts, intervals and model files treat them as any network: seasonal naive, seasonal naive
 * with drift, additive Holt-Winters exponential smoothing ({@link HoltWinters}) and the airline
 * seasonal ARIMA ({@link AirlineModel}).
 */
final class SeasonalBaselines {
  /**
   * Seasons of values a Holt-Winters or airline model reads per forecast, at most (and at least
   * 120).
   */
  static final int SMOOTHER_SEASONS = 10;

  private SeasonalBaselines() {}

  /**
   * A baseline fitted on the values before {@code first}, with what it is in words.
   *
   * @param model the model
   * @param description the kind and, for Holt-Winters and the airline model, the chosen form
   *     and parameters
   */
  record Fitted(FittedModel model, String description) {}

  /**
   * @param firstOrigin the number of values the shortest fit sees
   * @return true if Holt-Winters can be fitted on that many values: it starts from two seasons
   *     and learns from at least one more
   */
  static boolean holtWintersFits(ForecasterConfig config, int firstOrigin) {
    return config.season() > 1 && smootherLength(config, firstOrigin) >= 3 * config.season();
  }

  /**
   * @return the values a Holt-Winters or airline model fitted on {@code first} values reads per
   *     forecast: {@value #SMOOTHER_SEASONS} seasons (at least 120 values), at most
   *     {@code first - 1} (a model file's history must be shorter than its training series)
   */
  static int smootherLength(ForecasterConfig config, int first) {
    return Math.min(first - 1, Math.max(SMOOTHER_SEASONS * config.season(), 120));
  }

  /**
   * @param firstOrigin the number of values the shortest fit sees
   * @return true if the airline model can be fitted on that many values
   */
  static boolean airlineFits(ForecasterConfig config, int firstOrigin) {
    return config.season() > 1
        && smootherLength(config, firstOrigin) >= AirlineModel.minimumLength(config.season());
  }

  /**
   * @param first the model reads the values before this index only
   * @return the baseline of that kind fitted on {@code series[0 .. first)}
   */
  static Fitted fit(ForecasterConfig config, Kind kind, double[] series, int first,
      TrainingData provenance) {
    double[] values = Arrays.copyOf(series, first);
    if (kind == Kind.HOLT_WINTERS) {
      HoltWinters smoother = HoltWinters.fit(values, config.season());
      double[] kernel = smoother.seasonalDifferenceKernel(smootherLength(config, first));
      return linear(config, values, kernel, smoother.describe(), provenance);
    }
    if (kind == Kind.AIRLINE) {
      AirlineModel airline = AirlineModel.fit(values, config.season());
      double[] kernel = airline.seasonalDifferenceKernel(smootherLength(config, first));
      return linear(config, values, kernel, airline.describe(), provenance);
    }
    return new Fitted(naive(config, kind, values, provenance), CandidateChoice.label(kind, null));
  }

  /**
   * Seasonal naive: a network whose weights are all zero, so its output is its bias. Seasonal
   * naive keeps shrinkage 0 ({@code x[t] = x[t - season]} exactly); with drift the bias is the
   * mean seasonal difference of the training values ({@code x[t] = x[t - season] + drift}). It
   * forecasts recursively (horizon 1) whatever the configured horizon, which for these forecasts
   * is the same as forecasting directly.
   */
  private static FittedModel naive(ForecasterConfig config, Kind kind, double[] values,
      TrainingData provenance) {
    TransformCodec codec = TransformCodec.of(TargetTransform.SEASONAL_DIFFERENCES, config.season());
    double[] transformed = codec.forwardAll(values);
    Scaler scaler = Scaler.fit(transformed);
    double drift = 0;
    if (kind == Kind.SEASONAL_NAIVE_WITH_DRIFT) {
      for (double value : transformed) {
        drift += value;
      }
      drift /= transformed.length;
    }
    ForecasterConfig baselineConfig = config.toBuilder().horizon(1).ensemble(1).config();
    MultiLayerNetwork network = LstmNetworkFactory.create(baselineConfig, 1);
    network.params().assign(0);
    network.getLayer(config.layers()).getParam("b").assign(scaler.scale(drift));
    WindowEncoder encoder = new WindowEncoder(codec, config.window(), scaler,
        kind == Kind.SEASONAL_NAIVE ? 0.0 : 1.0);
    return new FittedModel(baselineConfig, network, encoder, provenance, Instant.now());
  }

  /**
   * A linear smoother fitted on all {@code values} (Holt-Winters, the airline model), whose
   * one-step forecast from the last {@link #smootherLength} values is {@code kernel} applied
   * to their seasonal differences: the model's window is that length less a season, its network
   * one convolution over the window ({@link LinearWindowNetwork}). Its recursive forecasts feed
   * each forecast back as the newest value, as every model here does.
   */
  private static Fitted linear(ForecasterConfig config, double[] values, double[] kernel,
      String description, TrainingData provenance) {
    TransformCodec codec = TransformCodec.of(TargetTransform.SEASONAL_DIFFERENCES, config.season());
    Scaler scaler = Scaler.fit(codec.forwardAll(values));
    // the network reads scaled differences u = a z + c and must output scale(sum(kernel z)):
    // sum(kernel u) + c (1 - sum(kernel))
    double offset = scaler.scale(0);
    double total = Arrays.stream(kernel).sum();
    MultiLayerNetwork network = LinearWindowNetwork.create(kernel, offset * (1 - total));
    ForecasterConfig smootherConfig = config.toBuilder().window(kernel.length).hidden(1)
        .layers(1).horizon(1).ensemble(1).config();
    WindowEncoder encoder = new WindowEncoder(codec, kernel.length, scaler, 1.0);
    FittedModel model =
        new FittedModel(smootherConfig, network, encoder, provenance, Instant.now());
    return new Fitted(model, description);
  }
}
