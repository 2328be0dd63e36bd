#!/bin/bash
# Records every call the Node tests make of the API, with a hash of each result or error,
# to compare two builds' outputs and error lists:
#
#   scripts/record-calls.sh PKG_DIR OUT.tsv     # then: cmp before.tsv after.tsv
#
# PKG_DIR is a pkg/ directory of a build (wasm-bindgen's JavaScript and the module). The
# tests run on a copy of the package beside this one (bindings/record-calls, removed at the
# end), with record-calls.js appended to its karmayogi_wasm.js.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "$2")
pkg=$(realpath "$1")
copy="$here/../record-calls"
rm -rf "$copy"
mkdir -p "$copy"
trap 'rm -rf "$copy"' EXIT
cp -r "$here"/index.js "$here"/index.d.ts "$here"/errors.js "$here"/errors.d.ts "$here"/values.js "$here"/package.json "$here"/test "$copy"/
cp -r "$pkg" "$copy/pkg"
glue="$copy/pkg/karmayogi_wasm.js"
cat "$here/scripts/record-calls.js" >>"$glue"
for c in Cohort Framework Profile; do echo "$c = __recClass(\"$c\", $c);" >>"$glue"; done
for f in exportCase formatVersion importCase jsonSchema loadEsco loadEscoReport loadKcm loadOfficers loadOnet \
  oldestFormatVersion parseFrameworkSpec parseOfficers; do
  echo "$f = __recWrap(\"$f\", $f);" >>"$glue"
done
rm -f "$out"
cd "$copy"
REC_OUT="$out" node --test --test-concurrency=1 test/api.test.js test/cases.test.js \
  test/errors.test.js test/esco.test.js test/igot.test.js
echo "$(wc -l <"$out") calls recorded in $out"
