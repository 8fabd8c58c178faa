package io.github.seriesforecaster.internal.model.lstm;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Cleaner;

/**
 * Forward/backward computation of one LSTM layer (DL4J {@code LSTM} semantics, no peepholes, sigmoid gates)
 * with few native calls: per time step one or two BLAS gemm calls go straight to OpenBLAS
 * ({@code cblas_?gemm} through JavaCPP, the same library and entry point ND4J's CPU backend uses), all
 * element-wise work is done in plain Java loops over primitive arrays.
 *
 * <p>Layouts (all "column-major per time step", identical to ND4J 'f' order of {@code [mb, size, T]}):
 * <ul>
 *   <li>input x: {@code [t][i][b]} = f-order {@code [mb, nIn, T]} (used in place when the input is f-order)</li>
 *   <li>gates: {@code [t][k*H + j][b]}, blocks k = 0..3 in DL4J order (cell input, forget, output, input gate)</li>
 *   <li>hidden / cell state, output, dL/dx: {@code [t][j][b]} = f-order {@code [mb, H, T]}</li>
 *   <li>W: f-order {@code [nIn, 4H]}, RW: f-order {@code [H, 4H]} (DL4J parameter views, used in place)</li>
 *   <li>recurrent state h0/c0: f-order {@code [mb, H]}</li>
 * </ul>
 * Per time step: 2 gemms forward (x_t W, h_{t-1} RW), 4 gemms backward (dZ_t RW^T, dRW, dW, dX_t).
 * (A "[t][b][feature]" layout that turns the input projection and the weight gradients into single gemms
 * over all steps was tried: no faster for window 30 / hidden 64, 2x slower for hidden 6, because the
 * per-step gemms already run near peak and the gate loops vectorise worse over short feature runs.)
 *
 * <p>One instance per layer; not thread safe. The state of the last {@link #forward} is kept for
 * {@link #backward}. Native scratch memory is owned by the kernel and freed by a {@link Cleaner}.
 */
abstract class LstmKernel {

    private static final Cleaner CLEANER = Cleaner.create();

    static final int SLOT_Z = 0;
    static final int SLOT_H = 1;
    static final int SLOT_H0 = 2;
    static final int SLOT_X = 3;
    static final int SLOT_DZ = 4;
    static final int SLOT_DHR = 5;
    private static final int SLOTS = 6;

    private final Natives natives = new Natives();

    LstmKernel() {
        CLEANER.register(this, natives);
    }

    static LstmKernel create(DataType dataType) {
        switch (dataType) {
            case FLOAT:
                return new FloatLstmKernel();
            case DOUBLE:
                return new DoubleLstmKernel();
            default:
                throw new UnsupportedOperationException(
                        "FastLstm supports FLOAT and DOUBLE networks only; network data type is " + dataType);
        }
    }

    /**
     * Forward pass over all time steps.
     *
     * @param x        input {@code [mb, nIn, T]} or {@code [mb, nIn]} (T = 1), any dense layout, kernel data type
     * @param w        input weights {@code [nIn, 4H]}
     * @param rw       recurrent weights {@code [H, 4H]}
     * @param b        bias {@code [1, 4H]}
     * @param h0       initial hidden state {@code [mb, H]} or null (zeros)
     * @param c0       initial cell state {@code [mb, H]} or null (zeros); must be non-null iff h0 is
     * @param cellTanh true: tanh cell/output activation; false: sigmoid
     * @param out      output {@code [mb, H, T]}, f-order contiguous, or null if not needed
     */
    abstract void forward(INDArray x, INDArray w, INDArray rw, INDArray b, INDArray h0, INDArray c0,
                          boolean cellTanh, INDArray out);

    /** Copies the last time step's hidden and cell state of the last forward pass into f-order {@code [mb, H]} arrays. */
    abstract void writeLastState(INDArray hOut, INDArray cOut);

    /**
     * Backpropagation through time for the last forward pass.
     *
     * @param eps    dL/d(output) {@code [mb, H, T]}, any dense layout
     * @param dW     gradient view for W, f-order {@code [nIn, 4H]} (overwritten)
     * @param dRW    gradient view for RW, f-order {@code [H, 4H]} (overwritten)
     * @param db     gradient view for b, contiguous, length 4H (overwritten)
     * @param dX     dL/d(input) f-order {@code [mb, nIn, T]} (overwritten) or null
     * @param endIdx first time step to backpropagate into (0 = full BPTT; > 0 for truncated BPTT)
     */
    abstract void backward(INDArray eps, INDArray w, INDArray rw, INDArray dW, INDArray dRW, INDArray db,
                           INDArray dX, int endIdx);

    /** Drops references to ND4J arrays held from the last forward pass (scratch memory is kept). */
    abstract void releaseReferences();

    // ------------------------------------------------------------------------------------------ helpers

    /** Raw native scratch of at least {@code bytes} for a slot (contents are not preserved on growth). */
    final Pointer raw(int slot, long bytes) {
        return natives.ensure(slot, bytes);
    }

    /** True if the array is contiguous in Fortran order (size-1 dimensions are ignored). */
    static boolean isF(INDArray a) {
        long expected = 1;
        long[] shape = a.shape();
        long[] stride = a.stride();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] != 1) {
                if (stride[d] != expected) {
                    return false;
                }
                expected *= shape[d];
            }
        }
        return true;
    }

    /** True if the elements of the array occupy exactly {@code length} consecutive buffer slots (any permutation). */
    static boolean isDense(INDArray a) {
        long span = 1;
        long[] shape = a.shape();
        long[] stride = a.stride();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] > 1) {
                if (stride[d] <= 0) {
                    return false;
                }
                span += (shape[d] - 1) * stride[d];
            }
        }
        return span == a.length();
    }

    /**
     * A new pointer object at the first element of a FLOAT array (also of a view), whose position
     * the caller may move freely.
     */
    static FloatPointer floatPointer(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a FLOAT array, was " + a.dataType());
        }
        return new FloatPointer(a.data().addressPointer());
    }

    static int checkedInt(long v, String what) {
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " too large for FastLstm: " + v);
        }
        return (int) v;
    }

    /** Owner of the native scratch blocks; run by the Cleaner (must not reference the kernel). */
    private static final class Natives implements Runnable {
        private final Pointer[] ptrs = new Pointer[SLOTS];
        private final long[] caps = new long[SLOTS];

        Pointer ensure(int slot, long bytes) {
            if (caps[slot] < bytes || ptrs[slot] == null) {
                if (ptrs[slot] != null) {
                    Pointer.free(ptrs[slot]);
                    ptrs[slot] = null;
                    caps[slot] = 0;
                }
                long cap = Math.max(64, bytes + bytes / 4);
                Pointer p = Pointer.malloc(cap);
                if (p == null || p.isNull()) {
                    throw new OutOfMemoryError("FastLstm: could not allocate " + cap + " bytes of native scratch memory");
                }
                ptrs[slot] = p;
                caps[slot] = cap;
            }
            return ptrs[slot];
        }

        @Override
        public synchronized void run() {
            for (int i = 0; i < SLOTS; i++) {
                if (ptrs[i] != null) {
                    Pointer.free(ptrs[i]);
                    ptrs[i] = null;
                }
            }
        }
    }
}
