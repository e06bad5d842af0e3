#!/usr/bin/env bash
# Moves the API baseline to the API of the current commit, in one command:
#   sdk/api/baseline/move-baseline.sh
# It checks the current API against the old baseline (the build of sdk/api, baseline included),
# lays the jar it built into this in-tree Maven repository as io.osbox.baseline:osbox.api:<commit>,
# removes the previous baseline, points sdk/api/pom.xml (property osbox.api.baseline) at the new
# one and commits those two paths alone. Expects: a git checkout whose sdk/api has no uncommitted
# changes (the baseline is named after the commit it was built from). See docs/api-versioning.md.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.." && pwd)"
cd "$root"

if ! git diff --quiet HEAD -- sdk/api; then
    echo "move-baseline: sdk/api has uncommitted changes; commit them first (the baseline is named after a commit)" >&2
    exit 2
fi
version="$(git rev-parse --short=7 HEAD)"
pom=sdk/api/pom.xml
old="$(sed -n 's|.*<osbox.api.baseline>\([^<]*\)</osbox.api.baseline>.*|\1|p' "$pom")"
if [ "$old" = "$version" ]; then
    echo "move-baseline: the baseline is already $version" >&2
    exit 0
fi

# Build the API as it is now; the baseline check against the old baseline runs too, so a move
# never blesses a package that changed without its version bump.
# With no old baseline (the first one), there is nothing to check against.
skip=()
[ -n "$old" ] || skip=(-Dbnd.baseline.skip=true)
mvn -B -q clean verify -pl sdk/api "${skip[@]}"
jars=(sdk/api/target/osbox.api-*.jar)
[ "${#jars[@]}" -eq 1 ] && [ -f "${jars[0]}" ] || { echo "move-baseline: expected one jar in sdk/api/target, found: ${jars[*]}" >&2; exit 1; }
jar="${jars[0]}"

artifact_dir=sdk/api/baseline/io/osbox/baseline/osbox.api
rm -rf "$artifact_dir"
mkdir -p "$artifact_dir/$version"
base="$artifact_dir/$version/osbox.api-$version"
cp "$jar" "$base.jar"
cat > "$base.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.osbox.baseline</groupId>
  <artifactId>osbox.api</artifactId>
  <version>$version</version>
  <description>The osbox.api bundle as built from commit $version: the baseline sdk/api is checked against.</description>
</project>
POM
for f in "$base.jar" "$base.pom"; do
    sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"
done
sed -i "s|<osbox.api.baseline>[^<]*</osbox.api.baseline>|<osbox.api.baseline>$version</osbox.api.baseline>|" "$pom"

git add -A sdk/api/baseline "$pom"
git commit -q -m "API baseline moved from ${old:-none} to $version (sdk/api/baseline/move-baseline.sh)" -- sdk/api/baseline "$pom"
echo "move-baseline: osbox.api baseline is now $version (was ${old:-none}), committed"
