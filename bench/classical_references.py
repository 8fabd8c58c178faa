#!/usr/bin/python3
"""Classical one-step references for the seasonal series of docs/quality.md.

Protocol (the same as QualityBenchmark): the first round(0.7 n) values are the training part;
every value of the rest is forecast one step ahead from the true values before it, with the
parameters fitted on the training part only (no refit), and scored by RMSE in original units.

Models (statsmodels, Debian python3-statsmodels 0.13.5):
  - seasonal ARIMA chosen by AIC on the training part over p, q in 0..2, d in 0..1, P, Q in 0..1,
    D = 1 (season 12)
  - the airline model SARIMA(0,1,1)(0,1,1)12
  - ETS (Holt-Winters, statsmodels ExponentialSmoothing) chosen by AIC over additive or
    multiplicative season, with or without (damped) additive trend

Usage: python3 bench/classical_references.py data/air_passengers.csv:passengers ...
Writes one line per series and model; the reference is the lowest test RMSE of the three.
"""
import itertools
import sys
import warnings

import numpy as np
import csv
from statsmodels.tsa.holtwinters import ExponentialSmoothing
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.filterwarnings("ignore")
SEASON = 12


def one_step_sarima(train, test, order, seasonal):
    model = SARIMAX(train, order=order, seasonal_order=seasonal + (SEASON,))
    fitted = model.fit(disp=False)
    extended = fitted.append(test, refit=False)
    predicted = extended.predict(start=len(train), end=len(train) + len(test) - 1)
    return fitted.aic, np.asarray(predicted)


def one_step_ets(train, test, trend, damped, seasonal):
    model = ExponentialSmoothing(train, trend=trend, damped_trend=damped, seasonal=seasonal,
                                 seasonal_periods=SEASON, initialization_method="estimated")
    fitted = model.fit()
    params = dict(fitted.params)
    full = ExponentialSmoothing(np.concatenate([train, test]), trend=trend, damped_trend=damped,
                                seasonal=seasonal, seasonal_periods=SEASON,
                                initialization_method="known",
                                initial_level=params["initial_level"],
                                initial_trend=params.get("initial_trend") if trend else None,
                                initial_seasonal=params["initial_seasons"])
    refitted = full.fit(optimized=False,
                        smoothing_level=params["smoothing_level"],
                        smoothing_trend=params.get("smoothing_trend") if trend else None,
                        smoothing_seasonal=params["smoothing_seasonal"],
                        damping_trend=params.get("damping_trend") if damped else None)
    fitted_values = np.asarray(refitted.fittedvalues)
    return fitted.aic, fitted_values[len(train):]


def rmse(actual, predicted):
    return float(np.sqrt(np.mean((np.asarray(actual) - np.asarray(predicted)) ** 2)))


def main(args):
    for arg in args:
        path, column = arg.split(":")[:2]
        with open(path, newline="") as f:
            values = np.array([float(row[column]) for row in csv.DictReader(f)
                               if row[column].strip() not in ("", "NA", "NaN")])
        training = int(round(len(values) * 0.7))
        train, test = values[:training], values[training:]
        results = {}
        best_aic, best_order = np.inf, None
        for p, d, q, P, Q in itertools.product(range(3), range(2), range(3), range(2), range(2)):
            try:
                aic, _ = one_step_sarima(train, test, (p, d, q), (P, 1, Q))
            except Exception:
                continue
            if aic < best_aic:
                best_aic, best_order = aic, ((p, d, q), (P, 1, Q))
        _, predicted = one_step_sarima(train, test, *best_order)
        results["SARIMA%s%s (AIC)" % best_order] = rmse(test, predicted)
        _, predicted = one_step_sarima(train, test, (0, 1, 1), (0, 1, 1))
        results["airline SARIMA(0,1,1)(0,1,1)"] = rmse(test, predicted)
        best_aic, best_ets = np.inf, None
        for trend, damped, seasonal in [(None, False, "add"), (None, False, "mul"),
                                        ("add", False, "add"), ("add", False, "mul"),
                                        ("add", True, "add"), ("add", True, "mul")]:
            try:
                aic, predicted = one_step_ets(train, test, trend, damped, seasonal)
            except Exception:
                continue
            if aic < best_aic:
                best_aic, best_ets = aic, ((trend, damped, seasonal), predicted)
        results["ETS%s (AIC)" % (best_ets[0],)] = rmse(test, best_ets[1])
        reference = min(results.values())
        for name, value in results.items():
            print("%s:%s\t%d test\t%-40s RMSE %.4g" % (path.split("/")[-1], column, len(test),
                                                       name, value))
        print("%s:%s\treference (lowest of the above) %.4g" % (path.split("/")[-1], column,
                                                             reference))
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
