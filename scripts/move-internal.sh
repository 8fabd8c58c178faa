#!/bin/sh
# Moves the implementation packages under io.github.seriesforecaster.internal, so an application
# sees by the name alone what is API (root, chart, cli, many, spark) and what is not. A named
# module (module-info.java) would enforce this, but DL4J 1.0.0-M2.1's own module descriptors
# require modules no published jar provides (slf4j.api, lombok); see docs/architecture.md.
#
# Mechanical and idempotent: git mv of the internal packages' main and test sources, then sed of
# package/import lines, fully-qualified names and source paths in src/, docs/, bench/, scripts/,
# pom.xml and README.md (CHANGELOG.md and changes/ keep the names of their time). A second run
# finds nothing to move or rewrite. Model files name the FastLstm layer class
# (io.github.seriesforecaster.model.lstm.FastLstm) in their network configuration; the script
# leaves a deprecated subclass under that name, so every model saved before the move still loads.
#
# Usage, on a clean work tree at the repository's top:
#   sh scripts/move-internal.sh && mvn -B test && git add -A && git commit -m "..."
set -eu
cd "$(git rev-parse --show-toplevel)"

base=io/github/seriesforecaster
# The API packages stay; every other sub-package of src/main/java moves (on main at the time of
# writing: data, model, train, io, eval, runtime, global, intervals). examples and bench exist
# only in src/test/java and stay.
api="chart cli many spark internal"
packages=""
for dir in src/main/java/$base/*/; do
  name=$(basename "$dir")
  case " $api " in *" $name "*) continue ;; esac
  packages="$packages $name"
done
# after a first run only the legacy stub's model folder is left at the old place
packages=$(echo $packages)
if [ -z "$packages" ]; then
  echo "move-internal: nothing to move" >&2
  exit 0
fi
alternatives=$(echo "$packages" | tr ' ' '|')
echo "move-internal: internal packages: $packages"
marker="move-internal: keep"

for tree in src/main/java src/test/java; do
  for package in $packages; do
    from="$tree/$base/$package"
    to="$tree/$base/internal/$package"
    if [ -e "$to" ]; then
      # already moved; a file added at the old place since would be left behind: say so
      if [ -d "$from" ] && git ls-files "$from" | xargs -r grep -L "$marker" | grep -q .; then
        echo "move-internal: $from has files besides the legacy stub; move them by hand" >&2
        exit 1
      fi
      continue
    fi
    if [ -d "$from" ] && [ -n "$(git ls-files "$from")" ]; then
      mkdir -p "$tree/$base/internal"
      git mv "$from" "$to"
    fi
  done
done

# Rewrite every tracked text file that names a moved package, except the legacy stub.
files=$(git grep -lE "io[./]github[./]seriesforecaster[./]($alternatives)([^A-Za-z0-9_]|\$)" \
  -- src docs bench scripts pom.xml README.md ':!scripts/move-internal.sh' || true)
for file in $files; do
  if grep -q "$marker" "$file"; then
    continue
  fi
  sed -i -E \
    -e "s#io\.github\.seriesforecaster\.($alternatives)([^A-Za-z0-9_]|\$)#io.github.seriesforecaster.internal.\1\2#g" \
    -e "s#io/github/seriesforecaster/($alternatives)(/|\$)#io/github/seriesforecaster/internal/\1\2#g" \
    "$file"
done

# The Javadoc jar leaves out the internal packages and the legacy stub's package.
sed -i -E "s#<javadoc.internalPackages>[^<]*</javadoc.internalPackages>#<javadoc.internalPackages>io.github.seriesforecaster.internal:io.github.seriesforecaster.internal.*:io.github.seriesforecaster.model:io.github.seriesforecaster.model.*:io.github.seriesforecaster.examples:io.github.seriesforecaster.bench</javadoc.internalPackages>#" pom.xml

stub="src/main/java/$base/model/lstm/FastLstm.java"
if [ ! -e "$stub" ]; then
  mkdir -p "$(dirname "$stub")"
  cat > "$stub" <<'JAVA'
package io.github.seriesforecaster.model.lstm;

/**
 * The FastLstm layer under the name that model files written before the internal package move
 * carry in their network configuration, so they still load. New networks use
 * {@link io.github.seriesforecaster.internal.model.lstm.FastLstm}. (move-internal: keep)
 *
 * @deprecated only for reading old model files
 */
@Deprecated
public class FastLstm extends io.github.seriesforecaster.internal.model.lstm.FastLstm {
  /** For JSON deserialization. */
  public FastLstm() {}
}
JAVA
  git add "$stub"
fi

echo "move-internal: done; build and test before committing"
