#!/bin/sh
# Regenerates DoubleLstmKernel.java from FloatLstmKernel.java (the two must stay identical up to the element type).
# Usage: scripts/generate-double-kernel.sh [OUTPUT]   (default: overwrite the committed DoubleLstmKernel.java)
# DoubleLstmKernelGeneratedTest runs it with an OUTPUT in a temporary folder and fails when the
# result differs from the committed file.
set -e
d="$(dirname "$0")/../src/main/java/io/github/seriesforecaster/internal/model/lstm"
out="${1:-$d/DoubleLstmKernel.java}"
{
  sed -n '1,/^\/\*\*$/p' "$d/FloatLstmKernel.java" | sed '$d'
  printf '%s\n' '/**' ' * DOUBLE implementation of {@link LstmKernel}.' ' *' \
    ' * <p>GENERATED from {@code FloatLstmKernel.java} by {@code scripts/generate-double-kernel.sh}: do not edit.' ' */' | sed 's/FloatLstmKernel/XKSRCX/'
  sed -n '/^final class FloatLstmKernel/,$p' "$d/FloatLstmKernel.java"
} | sed -e 's/float/double/g' -e 's/Float/Double/g' -e 's/FLOAT/DOUBLE/g' -e 's/sgemm/dgemm/g' -e 's/XKSRCX/FloatLstmKernel/g' > "$out"
