package io.github.seriesforecaster.internal.model.lstm;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

/**
 * FLOAT implementation of {@link LstmKernel}.
 *
 * <p>{@code DoubleLstmKernel} is generated from this file by {@code scripts/generate-double-kernel.sh};
 * edit this file, then regenerate. Do not use float-suffixed literals here: the overloads in
 * {@link LstmMath} select the fast approximations for float and the exact functions for double.
 */
final class FloatLstmKernel extends LstmKernel {

    private static final int COL = CblasColMajor;
    private static final int NT = CblasNoTrans;
    private static final int TR = CblasTrans;
    private static final int ELEM = Float.BYTES;
    private static final float[] EMPTY = new float[0];

    // dimensions and flags of the last forward pass
    private int n;
    private int nIn;
    private int h;
    private int steps;
    private boolean cellTanh;
    private boolean hasInit;
    private boolean haveForward;

    /** Input pointer of the last forward pass ([t][i][b]) and the array it belongs to (kept alive). */
    private FloatPointer xP;
    private INDArray xRef;

    // Java-side state and scratch
    private float[] za = EMPTY;     // activated gates [t][4H][b]
    private float[] cs = EMPTY;     // cell state [t][H][b]
    private float[] tcs = EMPTY;    // act(cell state) [t][H][b]
    private float[] c0 = EMPTY;     // initial cell state [H][b]
    private float[] hTmp = EMPTY;   // hidden state of the current step [H][b]
    private float[] bias = EMPTY;
    private float[] xJ = EMPTY;
    private float[] epsJ = EMPTY;
    private float[] dhr = EMPTY;
    private float[] dcNext = EMPTY;
    private float[] dc = EMPTY;
    private float[] dz = EMPTY;
    private float[] dzSum = EMPTY;
    private float[] db = EMPTY;
    private float[] gatherTmp = EMPTY;

    // typed views of the native scratch slots
    private final FloatPointer[] fp = new FloatPointer[6];

    private FloatPointer buf(int slot, long elems) {
        Pointer r = raw(slot, elems * ELEM);
        FloatPointer p = fp[slot];
        if (p == null || p.address() != r.address()) {
            p = new FloatPointer(r);
            fp[slot] = p;
        }
        return p;
    }

    private static FloatPointer ptr(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("Expected FLOAT array, got " + a.dataType());
        }
        return (FloatPointer) a.data().addressPointer();
    }

    private static float[] grow(float[] a, long n) {
        if (a.length >= n) {
            return a;
        }
        return new float[checkedInt(n, "array")];
    }

    private static INDArray fContiguous(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            a = a.castTo(DataType.FLOAT);
        }
        return isF(a) ? a : a.dup('f');
    }

    /**
     * Copies {@code a} ({@code [n, c, T]}, or {@code [n, c]} for T = 1) into {@code dst} with layout
     * {@code [t][c][b]}, whatever its strides.
     */
    private void gather(INDArray a, float[] dst, int n, int c, int steps) {
        if (a.dataType() != DataType.FLOAT) {
            a = a.castTo(DataType.FLOAT);
        }
        if (!isDense(a)) {
            a = a.dup('f');
        }
        int len = n * c * steps;
        if (isF(a)) {
            ptr(a).get(dst, 0, len);
            return;
        }
        gatherTmp = grow(gatherTmp, len);
        float[] src = gatherTmp;
        ptr(a).get(src, 0, len);
        int s0 = (int) a.stride(0);
        int s1 = (int) a.stride(1);
        int s2 = a.rank() == 3 ? (int) a.stride(2) : 0;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < c; i++) {
                int d = (t * c + i) * n;
                int s = t * s2 + i * s1;
                for (int b = 0; b < n; b++) {
                    dst[d + b] = src[s + b * s0];
                }
            }
        }
    }

    private static void readVector(INDArray v, float[] dst, int len) {
        if (v.length() != len) {
            throw new IllegalArgumentException("Expected vector of length " + len + ", got shape "
                    + Arrays.toString(v.shape()));
        }
        if (v.dataType() != DataType.FLOAT) {
            v = v.castTo(DataType.FLOAT);
        }
        if (!isF(v)) {
            v = v.dup('f');
        }
        ptr(v).get(dst, 0, len);
    }

    @Override
    void forward(INDArray x, INDArray w, INDArray rw, INDArray b, INDArray h0, INDArray c0In,
                 boolean cellTanh, INDArray out) {
        final int n = checkedInt(x.size(0), "minibatch");
        final int nIn = checkedInt(x.size(1), "nIn");
        final int steps = x.rank() == 3 ? checkedInt(x.size(2), "time steps") : 1;
        final int h = checkedInt(rw.size(0), "hidden size");
        final int g = 4 * h;
        final int hn = h * n;
        final int gn = g * n;
        checkedInt((long) steps * gn, "minibatch * 4 * hidden * time steps");
        this.n = n;
        this.nIn = nIn;
        this.h = h;
        this.steps = steps;
        this.cellTanh = cellTanh;
        this.hasInit = h0 != null;
        this.haveForward = false;

        // input: use ND4J's buffer directly when it is already [t][i][b], else copy into native scratch
        if (x.dataType() == DataType.FLOAT && isF(x)) {
            xRef = x;
            xP = ptr(x);
        } else {
            int len = n * nIn * steps;
            xJ = grow(xJ, len);
            gather(x, xJ, n, nIn, steps);
            FloatPointer xN = buf(SLOT_X, len);
            xN.position(0).put(xJ, 0, len);
            xRef = null;
            xP = xN;
        }
        INDArray wf = fContiguous(w);
        INDArray rwf = fContiguous(rw);
        FloatPointer wP = ptr(wf);
        FloatPointer rwP = ptr(rwf);
        bias = grow(bias, g);
        readVector(b, bias, g);

        za = grow(za, (long) steps * gn);
        cs = grow(cs, (long) steps * hn);
        tcs = grow(tcs, (long) steps * hn);
        hTmp = grow(hTmp, hn);
        FloatPointer zN = buf(SLOT_Z, gn);
        FloatPointer hN = buf(SLOT_H, (long) steps * hn);
        FloatPointer h0N = null;
        if (hasInit) {
            if (c0In == null) {
                throw new IllegalArgumentException("Initial cell state missing");
            }
            gather(h0, hTmp, n, h, 1);
            h0N = buf(SLOT_H0, hn);
            h0N.position(0).put(hTmp, 0, hn);
            c0 = grow(c0, hn);
            gather(c0In, c0, n, h, 1);
        }

        final float[] za = this.za;
        final float[] cs = this.cs;
        final float[] tcs = this.tcs;
        final float[] hTmp = this.hTmp;
        final float[] bias = this.bias;
        final float[] c0 = this.c0;
        for (int t = 0; t < steps; t++) {
            // z_t = x_t W (+ h_{t-1} RW)
            cblas_sgemm(COL, NT, NT, n, g, nIn, 1, xP.position((long) t * nIn * n), n, wP, nIn,
                    0, zN.position(0), n);
            if (t > 0) {
                cblas_sgemm(COL, NT, NT, n, g, h, 1, hN.position((long) (t - 1) * hn), n, rwP, h,
                        1, zN.position(0), n);
            } else if (h0N != null) {
                cblas_sgemm(COL, NT, NT, n, g, h, 1, h0N.position(0), n, rwP, h, 1, zN.position(0), n);
            }
            final int zo = t * gn;
            zN.position(0).get(za, zo, gn);

            // gate non-linearities (+ bias)
            for (int j = 0; j < h; j++) {
                int o = zo + j * n;
                if (cellTanh) {
                    tanhBias(za, o, n, bias[j]);
                } else {
                    sigmoidBias(za, o, n, bias[j]);
                }
            }
            for (int j = h; j < g; j++) {
                sigmoidBias(za, zo + j * n, n, bias[j]);
            }

            // cell state, its activation, output
            final int ai = zo;
            final int fi = zo + hn;
            final int oi = zo + 2 * hn;
            final int gi = zo + 3 * hn;
            final int cb = t * hn;
            if (t > 0) {
                final int pb = cb - hn;
                for (int k = 0; k < hn; k++) {
                    cs[cb + k] = za[fi + k] * cs[pb + k] + za[gi + k] * za[ai + k];
                }
            } else if (hasInit) {
                for (int k = 0; k < hn; k++) {
                    cs[cb + k] = za[fi + k] * c0[k] + za[gi + k] * za[ai + k];
                }
            } else {
                for (int k = 0; k < hn; k++) {
                    cs[cb + k] = za[gi + k] * za[ai + k];
                }
            }
            if (cellTanh) {
                for (int k = 0; k < hn; k++) {
                    tcs[cb + k] = LstmMath.tanh(cs[cb + k]);
                }
            } else {
                for (int k = 0; k < hn; k++) {
                    tcs[cb + k] = LstmMath.sigmoid(cs[cb + k]);
                }
            }
            for (int k = 0; k < hn; k++) {
                hTmp[k] = tcs[cb + k] * za[oi + k];
            }
            hN.position(cb).put(hTmp, 0, hn);
        }
        if (out != null) {
            if (out.dataType() != DataType.FLOAT || !isF(out) || out.length() != (long) steps * hn) {
                throw new IllegalArgumentException("Output array must be FLOAT, f-order [mb, H, T]");
            }
            Pointer.memcpy(ptr(out), hN.position(0), (long) steps * hn * ELEM);
        }
        haveForward = true;
    }

    private static void tanhBias(float[] a, int off, int len, float bias) {
        for (int k = off, end = off + len; k < end; k++) {
            a[k] = LstmMath.tanh(a[k] + bias);
        }
    }

    private static void sigmoidBias(float[] a, int off, int len, float bias) {
        for (int k = off, end = off + len; k < end; k++) {
            a[k] = LstmMath.sigmoid(a[k] + bias);
        }
    }

    @Override
    void writeLastState(INDArray hOut, INDArray cOut) {
        if (!haveForward) {
            throw new IllegalStateException("No forward pass");
        }
        int hn = h * n;
        for (INDArray a : new INDArray[] {hOut, cOut}) {
            if (a.dataType() != DataType.FLOAT || !isF(a) || a.length() != hn) {
                throw new IllegalArgumentException("State arrays must be FLOAT, f-order [mb, H]");
            }
        }
        ptr(hOut).put(hTmp, 0, hn);
        ptr(cOut).put(cs, (steps - 1) * hn, hn);
    }

    @Override
    void backward(INDArray eps, INDArray w, INDArray rw, INDArray dW, INDArray dRW, INDArray dbView,
                  INDArray dX, int endIdx) {
        if (!haveForward) {
            throw new IllegalStateException("backward() called without a forward pass");
        }
        final int n = this.n;
        final int nIn = this.nIn;
        final int h = this.h;
        final int steps = this.steps;
        final int g = 4 * h;
        final int hn = h * n;
        final int gn = g * n;
        long epsSteps = eps.rank() == 3 ? eps.size(2) : 1;
        if (eps.size(0) != n || eps.size(1) != h || epsSteps != steps) {
            throw new IllegalArgumentException("Epsilon shape " + Arrays.toString(eps.shape())
                    + " does not match forward pass [" + n + ", " + h + ", " + steps + "]");
        }
        epsJ = grow(epsJ, (long) steps * hn);
        gather(eps, epsJ, n, h, steps);

        FloatPointer wP = ptr(fContiguous(w));
        FloatPointer rwP = ptr(fContiguous(rw));
        if (dW.dataType() != DataType.FLOAT || !isF(dW) || dW.length() != (long) nIn * g
                || dRW.dataType() != DataType.FLOAT || !isF(dRW) || dRW.length() != (long) h * g
                || dbView.dataType() != DataType.FLOAT || !isF(dbView) || dbView.length() != g) {
            throw new IllegalArgumentException("Gradient views must be FLOAT, f-order and of the parameter shapes");
        }
        FloatPointer dWP = ptr(dW);
        FloatPointer dRWP = ptr(dRW);
        Pointer.memset(dWP, 0, (long) nIn * g * ELEM);
        Pointer.memset(dRWP, 0, (long) h * g * ELEM);
        FloatPointer dXP = null;
        if (dX != null) {
            if (dX.dataType() != DataType.FLOAT || !isF(dX) || dX.length() != (long) n * nIn * steps) {
                throw new IllegalArgumentException("dX must be FLOAT, f-order [mb, nIn, T]");
            }
            dXP = ptr(dX);
            if (endIdx > 0) {
                Pointer.memset(dXP, 0, (long) n * nIn * steps * ELEM);
            }
        }

        dz = grow(dz, gn);
        dzSum = grow(dzSum, gn);
        dhr = grow(dhr, hn);
        dcNext = grow(dcNext, hn);
        dc = grow(dc, hn);
        db = grow(db, g);
        Arrays.fill(dzSum, 0, gn, 0);
        Arrays.fill(dcNext, 0, hn, 0);
        FloatPointer dzN = buf(SLOT_DZ, gn);
        FloatPointer dhrN = buf(SLOT_DHR, hn);
        FloatPointer hN = fp[SLOT_H];
        FloatPointer h0N = hasInit ? fp[SLOT_H0] : null;

        final float[] za = this.za;
        final float[] cs = this.cs;
        final float[] tcs = this.tcs;
        final float[] epsJ = this.epsJ;
        final float[] dz = this.dz;
        final float[] dzSum = this.dzSum;
        final float[] dhr = this.dhr;
        final float[] dcNext = this.dcNext;
        final float[] dc = this.dc;
        for (int t = steps - 1; t >= endIdx; t--) {
            final int zo = t * gn;
            final int ai = zo;
            final int fi = zo + hn;
            final int oi = zo + 2 * hn;
            final int gi = zo + 3 * hn;
            final int cb = t * hn;
            if (t < steps - 1) {
                dhrN.position(0).get(dhr, 0, hn);
            } else {
                Arrays.fill(dhr, 0, hn, 0);
            }
            // output gate, cell state, cell input and input gate deltas
            if (cellTanh) {
                for (int k = 0; k < hn; k++) {
                    float dh = epsJ[cb + k] + dhr[k];
                    float o = za[oi + k];
                    float tc = tcs[cb + k];
                    float a = za[ai + k];
                    float gg = za[gi + k];
                    float dck = dh * o * (1 - tc * tc) + dcNext[k];
                    dz[2 * hn + k] = dh * tc * o * (1 - o);
                    dz[k] = dck * gg * (1 - a * a);
                    dz[3 * hn + k] = dck * a * gg * (1 - gg);
                    dcNext[k] = dck * za[fi + k];
                    dc[k] = dck;
                }
            } else {
                for (int k = 0; k < hn; k++) {
                    float dh = epsJ[cb + k] + dhr[k];
                    float o = za[oi + k];
                    float tc = tcs[cb + k];
                    float a = za[ai + k];
                    float gg = za[gi + k];
                    float dck = dh * o * tc * (1 - tc) + dcNext[k];
                    dz[2 * hn + k] = dh * tc * o * (1 - o);
                    dz[k] = dck * gg * a * (1 - a);
                    dz[3 * hn + k] = dck * a * gg * (1 - gg);
                    dcNext[k] = dck * za[fi + k];
                    dc[k] = dck;
                }
            }
            // forget gate delta (zero when the previous cell state is zero)
            if (t > 0 || hasInit) {
                final float[] cp = t > 0 ? cs : c0;
                final int pb = t > 0 ? cb - hn : 0;
                for (int k = 0; k < hn; k++) {
                    float f = za[fi + k];
                    dz[hn + k] = dc[k] * cp[pb + k] * f * (1 - f);
                }
            } else {
                Arrays.fill(dz, hn, 2 * hn, 0);
            }
            for (int k = 0; k < gn; k++) {
                dzSum[k] += dz[k];
            }
            dzN.position(0).put(dz, 0, gn);

            // dL/dh_{t-1} (recurrent part) = dz_t RW^T
            if (t > endIdx) {
                cblas_sgemm(COL, NT, TR, n, h, g, 1, dzN.position(0), n, rwP, h, 0, dhrN.position(0), n);
            }
            // dRW += h_{t-1}^T dz_t
            if (t > 0) {
                cblas_sgemm(COL, TR, NT, h, g, n, 1, hN.position((long) (t - 1) * hn), n, dzN.position(0), n,
                        1, dRWP, h);
            } else if (h0N != null) {
                cblas_sgemm(COL, TR, NT, h, g, n, 1, h0N.position(0), n, dzN.position(0), n, 1, dRWP, h);
            }
            // dW += x_t^T dz_t
            cblas_sgemm(COL, TR, NT, nIn, g, n, 1, xP.position((long) t * nIn * n), n, dzN.position(0), n,
                    1, dWP, nIn);
            // dX_t = dz_t W^T
            if (dXP != null) {
                cblas_sgemm(COL, NT, TR, n, nIn, g, 1, dzN.position(0), n, wP, nIn,
                        0, dXP.position((long) t * nIn * n), n);
            }
        }
        // bias gradient: sum over minibatch and time
        final float[] db = this.db;
        for (int j = 0; j < g; j++) {
            float s = 0;
            int o = j * n;
            for (int b = 0; b < n; b++) {
                s += dzSum[o + b];
            }
            db[j] = s;
        }
        ptr(dbView).put(db, 0, g);
    }

    @Override
    void releaseReferences() {
        xRef = null;
        xP = null;
        haveForward = false;
    }
}
