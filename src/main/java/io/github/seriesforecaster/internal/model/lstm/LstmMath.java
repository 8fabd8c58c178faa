package io.github.seriesforecaster.internal.model.lstm;

/**
 * Scalar activation functions used by the LSTM kernels.
 *
 * <p>The {@code float} overloads are branch-free rational approximations (the tanh approximation used by
 * Eigen/XLA: 13th/6th order rational function on [-7.9053, 7.9053]) so that HotSpot C2 can auto-vectorise
 * loops over {@code float[]}; absolute error is below 4e-7 for tanh and 2.1e-7 for sigmoid, i.e. a few
 * float ULPs. The {@code double} overloads are exact ({@link Math#tanh}, {@link Math#exp}) and are used for
 * DOUBLE networks (gradient checks).
 */
public final class LstmMath {

    private LstmMath() {
    }

    private static final float CLAMP = 7.90531110763549805f;

    /** @return tanh(x), absolute error below 4e-7 */
    public static float tanh(float x) {
        x = Math.max(-CLAMP, Math.min(CLAMP, x));
        float x2 = x * x;
        float p = -2.76076847742355e-16f;
        p = p * x2 + 2.00018790482477e-13f;
        p = p * x2 + -8.60467152213735e-11f;
        p = p * x2 + 5.12229709037114e-08f;
        p = p * x2 + 1.48572235717979e-05f;
        p = p * x2 + 6.37261928875436e-04f;
        p = p * x2 + 4.89352455891786e-03f;
        p = p * x;
        float q = 1.19825839466702e-06f;
        q = q * x2 + 1.18534705686654e-04f;
        q = q * x2 + 2.26843463243900e-03f;
        q = q * x2 + 4.89352518554385e-03f;
        return p / q;
    }

    /** @return the logistic function of x, absolute error below 2.1e-7 */
    public static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    static double tanh(double x) {
        return Math.tanh(x);
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
