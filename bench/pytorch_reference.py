#!/usr/bin/python3
"""PyTorch reference for series-forecaster's performance benchmark.

Trains the same windowed LSTM that the library trains for a configuration and prints the same
figures, as the same ``RESULT`` lines, as ``PerformanceBenchmark.java``:

* training: median ms per epoch after warm-up epochs, and training windows per second;
* prediction: latency of one single-window prediction from a raw history (p50, p99 over
  ``--calls`` calls after warm-up), and the time of one batch prediction of 10,000 histories;
* the whole fit: wall and CPU time from the series to a model with its validation work done
  (training, then the one-step validation forecasts and shrinkage, ``validation_outputs``, and
  the interval calibration, ``calibration``), and the part after the last epoch. With
  ``--refit`` (what ``bench/compare.sh`` runs) it also trains a fresh network on every value
  between the two, as the library's fit does since its rolling-origin folds (see ``train``), and
  prints the time of the job without the refit beside it (``single_s``);
* the size of the saved model (``torch.save`` of the state dict plus the scaler) and the peak
  resident memory of this process (VmHWM from /proc/self/status).

"The same work" as the library (see src/main/java/.../train/Fitting.java and Trainer.java):

* series = one CSV column; the last round(0.3 * n) values are held out for validation, so the
  first ``first = n - round(0.3 * n)`` values are the training part;
* the library's default transform: first differences d[t] = x[t] - x[t-1]; a min-max scaler to
  [-1, 1] fitted on the differences of the training part only;
* one window per target t in [window + 1, first): the scaled differences at t-window .. t-1 as
  ``window`` time steps of one feature (batch-first), the scaled difference at t as the target;
* the windows are shuffled once (seeded) and cut into consecutive mini-batches of ``batch``
  windows (the last one smaller); each epoch visits the batches in a new seeded order;
* LSTM(1 -> hidden, ``layers`` stacked) and a linear output on the last step, float32, MSE loss,
  Adam with learning rate 0.01 (betas 0.9/0.999, eps 1e-8: DL4J's defaults too), fixed epochs;
* the training loss reported is the mean of the last epoch's mini-batch losses (no extra pass
  over the windows; the library's Trainer does the same);
* with ``--refit``: the library's fit of series of more than 1,000 values has one rolling-origin
  fold, the training part above; after it, a fresh network (seed 42 again) is trained on every
  value (scaler fitted on all differences, targets t in [window + 1, n)) for Refit.epochs
  epochs: as many updates as the fold's best epoch made (its last, with patience 0), e.g. 7
  epochs of 16 mini-batches after 10 epochs of 11 for the realistic configuration at batch 64.
  The calibration then runs on the fold network, as the library's does.

Differences that do not change the work materially: DL4J's RnnOutputLayer applies its
hidden -> 1 output at every time step and masks all but the last (``window`` times a tiny matmul);
PyTorch's LSTM has two bias vectors per gate; the initial weights differ (DL4J Xavier, PyTorch
uniform). Timings do not depend on the values.

Run with Debian's PyTorch (``apt-get install -y python3-torch``) and /usr/bin/python3:

    /usr/bin/python3 bench/pytorch_reference.py --config tutorial
"""

import argparse
import csv
import math
import os
import sys
import tempfile
import time


def _threads_argument(argv):
    for i, arg in enumerate(argv):
        if arg == "--threads" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--threads="):
            return arg.split("=", 1)[1]
    return "1"


# OpenBLAS (Debian's pthread build, loaded by numpy and torch) reads its thread count once, when
# the first of them loads it, and torch.set_num_threads() does not reach it: set it before both.
os.environ["OPENBLAS_NUM_THREADS"] = _threads_argument(sys.argv[1:])

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

SIDE = "pytorch"
VALIDATION_FRACTION = 0.3
LEARNING_RATE = 0.01
SEED = 42
LIBRARY_DEFAULT_BATCH = 512
# RollingOrigin.MEDIUM: series longer than this get one fold, whose training part is the one above
ONE_FOLD_ABOVE = 1000

# name: (data, column, window, hidden, layers, batch, full epochs, full warm-up, quick epochs,
# quick warm-up) -- the same as PerformanceBenchmark.Preset
PRESETS = {
    "tutorial": ("goog", "Close", 3, 6, 1, LIBRARY_DEFAULT_BATCH, 300, 30, 60, 10),
    "realistic": ("goog", "Close", 30, 64, 2, 64, 30, 5, 8, 2),
    "scale": ("usdchf", "USDCHF", 30, 32, 1, LIBRARY_DEFAULT_BATCH, 8, 2, 3, 1),
}


def median(samples):
    """Median; the mean of the two middle values for an even count (as Percentiles.java)."""
    s = sorted(samples)
    n = len(s)
    return float(s[n // 2]) if n % 2 == 1 else (s[n // 2 - 1] + s[n // 2]) / 2.0


def percentile(samples, percent):
    """Nearest-rank percentile (as Percentiles.java)."""
    s = sorted(samples)
    rank = math.ceil(percent / 100.0 * len(s))
    return s[max(1, rank) - 1]


def proc_status_bytes(name):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(name + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return -1


def read_column(path, column):
    """The column's values in file order; empty and NA-like cells dropped (the library's default)."""
    values = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        index = header.index(column)
        for row in reader:
            if not row:
                continue
            cell = row[index].strip()
            if cell in ("", "NA", "N/A", "NaN", "null"):
                continue
            values.append(float(cell))
    return np.asarray(values, dtype=np.float64)


class Scaler:
    """Min-max scaling to [-1, 1], fitted on training values (as the library's Scaler)."""

    def __init__(self, values):
        self.min = float(values.min())
        difference = float(values.max()) - self.min
        self.range = difference if difference > 0 and math.isfinite(difference) else 1.0

    def scale(self, v):
        return (v - self.min) / self.range * 2.0 - 1.0

    def unscale(self, s):
        return (s + 1.0) / 2.0 * self.range + self.min


class Net(nn.Module):
    def __init__(self, hidden, layers):
        super().__init__()
        self.lstm = nn.LSTM(input_size=1, hidden_size=hidden, num_layers=layers, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):  # x: [batch, window, 1]
        y, _ = self.lstm(x)
        return self.out(y[:, -1, :])


def training_part(n):
    """Values before the validation part: n - round(0.3 n) (Java's Math.round)."""
    return n - int(math.floor(n * VALIDATION_FRACTION + 0.5))


def training_windows(series, window, first=None):
    """Scaled inputs [count, window, 1] and targets [count, 1] for the targets t in
    [window + 1, first), and the scaler, fitted on the differences before first (default: the
    training part; len(series) for the refit on every value)."""
    n = len(series)
    if first is None:
        first = training_part(n)
    diffs = np.diff(series)  # diffs[t - 1] = x[t] - x[t - 1]
    scaler = Scaler(diffs[: first - 1])
    scaled = scaler.scale(diffs).astype(np.float32)
    targets = np.arange(window + 1, first)
    # inputs for target t: differences at t-window .. t-1, i.e. diffs[t-window-1 .. t-2]
    idx = targets[:, None] - window - 1 + np.arange(window)[None, :]
    x = torch.from_numpy(np.ascontiguousarray(scaled[idx][:, :, None]))
    y = torch.from_numpy(np.ascontiguousarray(scaled[targets - 1][:, None]))
    return x, y, scaler


def batch_count(windows, batch):
    """Mini-batches per epoch (as Refit.batches)."""
    return max(1, (windows + batch - 1) // batch)


def refit_epochs(best_epoch, fold_windows, refit_windows, batch):
    """Refit.epochs for one fold: as many parameter updates as the fold's best epoch made
    (Java's Math.round of updates / refit batches, at least 1)."""
    updates = best_epoch * batch_count(fold_windows, batch)
    return max(1, int(math.floor(updates / batch_count(refit_windows, batch) + 0.5)))


def fit_network(x, y, hidden, layers, batch, epochs, rng):
    """Trains a fresh network on the windows for a fixed number of epochs (Trainer, patience 0).

    Returns the network, each epoch's wall nanoseconds, the process CPU clock at each epoch's end
    and the training loss: the mean of the last epoch's mini-batch losses (each computed before
    its update, weighted by the batch's windows), what the library reports and PyTorch loops
    usually print; no extra pass over the windows."""
    torch.manual_seed(SEED)
    count = x.shape[0]
    if count <= batch:
        batches = [(x, y)]
    else:
        order = torch.from_numpy(rng.permutation(count))
        xs, ys = x[order], y[order]
        batches = [(xs[i:i + batch].contiguous(), ys[i:i + batch].contiguous())
                   for i in range(0, count, batch)]
    model = Net(hidden, layers)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    loss_fn = nn.MSELoss()
    nanos = []
    cpu_ends = []
    epoch_loss = float("nan")
    for _ in range(epochs):
        epoch_start = time.perf_counter_ns()
        if len(batches) > 1:
            rng.shuffle(batches)
        loss_sum = 0.0
        for bx, by in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(bx), by)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * bx.shape[0]
        epoch_loss = loss_sum / count
        nanos.append(time.perf_counter_ns() - epoch_start)
        cpu_ends.append(time.process_time_ns())
    model.eval()
    return model, nanos, cpu_ends, epoch_loss


def train(name, series, epochs, warmup, rng, batch_override=None, report=True, refit=False):
    """The library's fit of one series with patience(0).

    Without ``refit``: one training on the training part, then the validation work on it (the
    reference's job before the rolling-origin folds). With ``refit``, what the library's fit does
    now (CandidateChoice.fit with one fold, as for the 1,047 GOOG values): the fold network on
    the training part, its one-step validation outputs and shrinkage, then a fresh network
    trained from scratch on every value (its own scaler, seed 42) for Refit.epochs epochs (the
    fold's updates; with patience(0) the fold's best epoch is its last), then the interval
    calibration on the fold network. The kept model is the refit's.

    Returns the kept model and scaler, the end of the last epoch (wall ns, CPU ns, all epochs'
    wall ns) and the refit (epochs, wall ns, CPU ns; zeros without refit)."""
    _, _, window, hidden, layers, batch, *_ = PRESETS[name]
    if batch_override:
        batch = batch_override
    start = time.perf_counter_ns()
    x, y, scaler = training_windows(series, window)
    count = x.shape[0]
    model, nanos, cpu_ends, loss = fit_network(x, y, hidden, layers, batch, epochs, rng)
    fit_seconds = (time.perf_counter_ns() - start) / 1e9
    measured = nanos[warmup:]
    med = median(measured) / 1e6
    # mean CPU time over the measured epochs, as the Java side (whose CPU clock is coarse)
    cpu_mean = (cpu_ends[-1] - cpu_ends[warmup - 1]) / 1e6 / len(measured)
    rate = count / (med / 1000)
    if report:
        print(f"  training: {len(series)} values, {count} windows, batch {batch}, {epochs} epochs: "
              f"median {med:.2f} ms per epoch (min {min(measured) / 1e6:.2f}, "
              f"max {max(measured) / 1e6:.2f}, over epochs {warmup + 1}-{epochs}; "
              f"mean CPU {cpu_mean:.2f} ms), {rate:.0f} windows/s; "
              f"training took {fit_seconds:.1f} s, training loss {loss:.4g}")
        print(f"RESULT kind=train side={SIDE} config={name} rows={len(series)} windows={count} "
              f"batch={batch} epochs={epochs} warmup={warmup} ms_per_epoch={med:.3f} "
              f"ms_min={min(measured) / 1e6:.3f} ms_max={max(measured) / 1e6:.3f} "
              f"cpu_ms_per_epoch={cpu_mean:.3f} windows_per_s={rate:.0f}")
    shrink = validation_outputs(model, scaler, series, window)
    all_nanos = sum(nanos)
    kept, kept_scaler = model, scaler
    refitted = (0, 0, 0)
    if refit:
        if len(series) <= ONE_FOLD_ABOVE:
            sys.exit(f"--refit mirrors one rolling-origin fold, but the library cuts "
                     f"{len(series)} values into more (RollingOrigin: one fold above "
                     f"{ONE_FOLD_ABOVE} values)")
        refit_start = (time.perf_counter_ns(), time.process_time_ns())
        rx, ry, rscaler = training_windows(series, window, len(series))
        r_epochs = refit_epochs(epochs, count, rx.shape[0], batch)
        kept, r_nanos, _, r_loss = fit_network(rx, ry, hidden, layers, batch, r_epochs, rng)
        kept_scaler = rscaler
        all_nanos += sum(r_nanos)
        refitted = (r_epochs, time.perf_counter_ns() - refit_start[0],
                    time.process_time_ns() - refit_start[1])
        if report:
            print(f"  refit: {len(series)} values, {rx.shape[0]} windows, {r_epochs} epochs "
                  f"({sum(r_nanos) / 1e9:.3f} s), training loss {r_loss:.4g}")
    last_epoch_end = (time.perf_counter_ns(), time.process_time_ns(), all_nanos)
    calibration(model, scaler, series, window, shrink)
    return kept, kept_scaler, last_epoch_end, refitted


MAXIMUM_STEPS = 24
MAXIMUM_ORIGINS = 250


def validation_outputs(model, scaler, series, window):
    """What the library's fit does with the fold network before any refit (CandidateChoice.onFold,
    FoldScores): one-step validation forecasts in one network call, the shrinkage factor and the
    metrics from them. Returns the shrinkage factor."""
    n = len(series)
    first = training_part(n)
    diffs = np.diff(series)
    scaled = scaler.scale(diffs).astype(np.float32)
    targets = np.arange(first, n)
    idx = targets[:, None] - window - 1 + np.arange(window)[None, :]
    with torch.no_grad():
        out = model(torch.from_numpy(np.ascontiguousarray(scaled[idx][:, :, None]))).numpy()[:, 0]
    predicted = (scaler.unscale(out.astype(np.float64)) - 0) / scaler.range
    actual = diffs[targets - 1] / scaler.range
    # the library's shrinkage: least-squares factor lowered by 1.645 standard errors, in [0, 1]
    squares = float(predicted @ predicted)
    factor = float(predicted @ actual) / squares if squares > 0 else 0.0
    residual = actual - factor * predicted
    se = math.sqrt(float(residual @ residual) / (len(targets) - 1) / squares) if squares > 0 else 0
    shrink = max(0.0, min(1.0, factor - 1.645 * se))
    forecasts = series[targets - 1] + shrink * scaler.unscale(out.astype(np.float64))
    errors = series[targets] - forecasts
    _ = (np.abs(errors).mean(), math.sqrt(float(errors @ errors) / len(errors)))
    return shrink


def calibration(model, scaler, series, window, shrink):
    """The interval calibration the library's fit does on the fold network after any refit
    (ForecastErrors.measure): recursive forecasts of up to 24 steps from up to 250 validation
    origins, every origin's window of a step in one network call, and the sorted errors per
    step."""
    n = len(series)
    first = training_part(n)
    history = window + 1
    validation = n - first
    steps = min(MAXIMUM_STEPS, validation // 2)
    spacing = max(1.0, validation / MAXIMUM_ORIGINS)
    origins = []
    position = 0.0
    while position < validation:
        origins.append(first + int(position))
        position += spacing
    origins = np.asarray(origins)
    horizons = np.minimum(steps, n - origins)
    extended = np.zeros((len(origins), history + steps))
    extended[:, :history] = series[origins[:, None] - history + np.arange(history)[None, :]]
    for step in range(steps):
        active = np.nonzero(horizons > step)[0]
        end = history + step
        block = extended[active, end - history:end]
        x = torch.from_numpy(scaler.scale(np.diff(block, axis=1)).astype(np.float32)).unsqueeze(2)
        with torch.no_grad():
            out = model(x).numpy()[:, 0].astype(np.float64)
        extended[active, end] = block[:, -1] + shrink * scaler.unscale(out)
    by_step = [np.sort(np.abs(series[origins[horizons > h] + h]
                              - extended[horizons > h, history + h]).astype(np.float32))
               for h in range(steps)]
    return by_step


def predict_one(model, scaler, window, history):
    """The next value after history (raw values): differences, scale, network, unscale, add."""
    h = np.asarray(history[-(window + 1):], dtype=np.float64)
    x = torch.from_numpy(scaler.scale(np.diff(h)).astype(np.float32)).view(1, window, 1)
    with torch.no_grad():
        out = model(x).item()
    return h[-1] + scaler.unscale(out)


def predict_many(model, scaler, window, histories):
    """The next value after each history, in one network call."""
    h = np.stack([np.asarray(k[-(window + 1):], dtype=np.float64) for k in histories])
    x = torch.from_numpy(scaler.scale(np.diff(h, axis=1)).astype(np.float32)).unsqueeze(2)
    with torch.no_grad():
        out = model(x).numpy()[:, 0].astype(np.float64)
    return h[:, -1] + scaler.unscale(out)


def histories(series, length, count):
    """count histories of length consecutive values, sliding (and wrapping) over the series."""
    starts = len(series) - length + 1
    return [series[i % starts:i % starts + length].copy() for i in range(count)]


def measure_predict(name, args, model, scaler, window, series):
    hs = histories(series, window + 1, max(args.calls, args.batch_windows))
    sink = 0.0
    for i in range(args.predict_warmup):
        sink += predict_one(model, scaler, window, hs[i % len(hs)])
    nanos = []
    clock = time.perf_counter_ns
    cpu_start = time.process_time_ns()
    for i in range(args.calls):
        h = hs[i % len(hs)]
        t0 = clock()
        sink += predict_one(model, scaler, window, h)
        nanos.append(clock() - t0)
    cpu_per_call = (time.process_time_ns() - cpu_start) / 1e3 / args.calls
    p50 = percentile(nanos, 50) / 1e3
    p99 = percentile(nanos, 99) / 1e3
    batch = hs[:args.batch_windows]
    for _ in range(2):
        sink += predict_many(model, scaler, window, batch)[0]
    batch_nanos = []
    c0 = time.process_time_ns()
    for _ in range(args.batch_repeats):
        t0 = clock()
        sink += predict_many(model, scaler, window, batch)[-1]
        batch_nanos.append(clock() - t0)
    batch_cpu_ms = (time.process_time_ns() - c0) / 1e6 / args.batch_repeats
    batch_ms = median(batch_nanos) / 1e6
    rate = len(batch) / (batch_ms / 1000)
    print(f"  predict one window: p50 {p50:.1f} us, p99 {p99:.1f} us over {args.calls} calls "
          f"(CPU {cpu_per_call:.1f} us per call); batch of {len(batch)}: median {batch_ms:.1f} ms "
          f"per call ({args.batch_repeats} calls; mean CPU {batch_cpu_ms:.1f} ms), "
          f"{rate:.0f} windows/s  [checksum {sink:.3g}]")
    print(f"RESULT kind=predict side={SIDE} config={name} calls={args.calls} "
          f"p50_us={p50:.1f} p99_us={p99:.1f} cpu_us_per_call={cpu_per_call:.1f} "
          f"batch_windows={len(batch)} batch_ms={batch_ms:.2f} batch_cpu_ms={batch_cpu_ms:.2f} "
          f"batch_windows_per_s={rate:.0f}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--config", required=True, choices=sorted(PRESETS))
    p.add_argument("--mode", choices=["quick", "full"], default="full")
    p.add_argument("--epochs", type=int)
    p.add_argument("--warmup", type=int)
    p.add_argument("--calls", type=int, help="full 10000, quick 1000")
    p.add_argument("--predict-warmup", type=int, help="full 1000, quick 200")
    p.add_argument("--batch-windows", type=int, default=10_000)
    p.add_argument("--batch-repeats", type=int, help="full 5, quick 3")
    p.add_argument("--rows", default="10000,30000,all")
    p.add_argument("--goog", default="data/goog_daily_ohlcv.csv")
    p.add_argument("--usdchf", default="../shared/data/usdchf_30min.csv")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--batch", type=int, help="windows per mini-batch instead of the preset's")
    p.add_argument("--fits", type=int, default=2, help="fits of each series, one after another")
    p.add_argument("--refit", action="store_true",
                   help="after the training on the training part and its validation outputs, "
                        "train a fresh network on every value for the library's refit epochs, "
                        "as the library's fit does (CandidateChoice, Refit); without it one "
                        "training, the reference's job before the rolling-origin folds")
    args = p.parse_args()

    name = args.config
    preset = PRESETS[name]
    data, column, window = preset[0], preset[1], preset[2]
    quick = args.mode == "quick"
    epochs = args.epochs if args.epochs is not None else preset[8 if quick else 6]
    warmup = args.warmup if args.warmup is not None else preset[9 if quick else 7]
    if args.calls is None:
        args.calls = 1_000 if quick else 10_000
    if args.predict_warmup is None:
        args.predict_warmup = 200 if quick else 1_000
    if args.batch_repeats is None:
        args.batch_repeats = 3 if quick else 5
    if not 1 <= warmup < epochs:
        sys.exit(f"--warmup must be in [1, epochs), was {warmup}")

    torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(args.threads)
    except RuntimeError:
        pass
    print(f"# {name}: python {sys.version.split()[0]}, torch {torch.__version__}, "
          f"{os.cpu_count()} processors, threads {torch.get_num_threads()} "
          f"(OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}), "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE')}")

    series_all = read_column(args.goog if data == "goog" else args.usdchf, column)
    rows = args.rows.split(",") if args.config == "scale" else ["all"]
    rng = np.random.default_rng(SEED)
    model = scaler = series = None
    for r in rows:
        n = len(series_all) if r == "all" else min(len(series_all), int(r))
        series = series_all[:n]
        for fit in range(1, args.fits + 1):
            fit_start = time.perf_counter_ns()
            fit_cpu_start = time.process_time_ns()
            model, scaler, last_epoch_end, refitted = train(
                name, series, epochs, warmup, rng, args.batch, fit == 1, args.refit)
            fit_end = time.perf_counter_ns()
            fit_cpu_end = time.process_time_ns()
            fit_s = (fit_end - fit_start) / 1e9
            fit_cpu_s = (fit_cpu_end - fit_cpu_start) / 1e9
            after_s = (fit_end - last_epoch_end[0]) / 1e9
            after_cpu_s = (fit_cpu_end - last_epoch_end[1]) / 1e9
            epochs_s = last_epoch_end[2] / 1e9
            # the job without the refit (one training plus the validation work), timed in the
            # same run: the whole fit less the refit's training
            single_s = fit_s - refitted[1] / 1e9
            single_cpu_s = fit_cpu_s - refitted[2] / 1e9
            refit_text = (f"; without the refit of {refitted[0]} epochs: {single_s:.3f} s "
                          f"(CPU {single_cpu_s:.3f} s)" if args.refit else "")
            print(f"  whole fit {fit}: {fit_s:.3f} s wall (CPU {fit_cpu_s:.3f} s): epochs {epochs_s:.3f} s, "
                  f"after training {after_s:.3f} s (CPU {after_cpu_s:.3f} s, "
                  f"{100 * after_s / fit_s:.0f}% of the fit){refit_text}")
            print(f"RESULT kind=fit side={SIDE} config={name} rows={len(series)} fit={fit} "
                  f"epochs={epochs} refit={'yes' if args.refit else 'no'} "
                  f"refit_epochs={refitted[0]} "
                  f"fit_s={fit_s:.3f} fit_cpu_s={fit_cpu_s:.3f} epochs_s={epochs_s:.3f} "
                  f"after_s={after_s:.3f} after_cpu_s={after_cpu_s:.3f} "
                  f"after_share={after_s / fit_s:.3f} single_s={single_s:.3f} "
                  f"single_cpu_s={single_cpu_s:.3f}")

    measure_predict(name, args, model, scaler, window, series)

    fd, path = tempfile.mkstemp(prefix="series-forecaster-bench", suffix=".pt")
    os.close(fd)
    try:
        torch.save({"model": model.state_dict(), "scaler_min": scaler.min,
                    "scaler_range": scaler.range, "window": window}, path)
        size = os.path.getsize(path)
    finally:
        os.remove(path)
    print(f"  model file: {size} bytes")
    print(f"RESULT kind=model side={SIDE} config={name} model_bytes={size}")

    peak = proc_status_bytes("VmHWM") / 1048576.0
    now = proc_status_bytes("VmRSS") / 1048576.0
    print(f"  resident memory: peak {peak:.0f} MB, now {now:.0f} MB")
    print(f"RESULT kind=memory side={SIDE} config={name} peak_rss_mb={peak:.0f} "
          f"rss_mb={now:.0f}")


if __name__ == "__main__":
    main()
