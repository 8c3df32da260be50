#!/usr/bin/env bash
# Runs the batch job on one machine over the files matching INPUT and writes OUTPUT_DIR.
#   pipelines/batch-local/run.sh 'feeds/2026-11-28/*' out/2026-11-28
# Options come from options.txt next to this script; extra arguments are passed on.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${NEWS_DEDUP_JAR:-$here/../../target/news-dedup.jar}
if [ $# -lt 2 ]; then
  echo "usage: $0 INPUT_PATTERN OUTPUT_DIR [more batch options]" >&2
  exit 2
fi
input=$1 output=$2
shift 2
mapfile -t options < <(grep -v '^\s*#' "$here/options.txt" | grep -v '^\s*$')
exec java ${JAVA_OPTS:--Xmx4g} -jar "$jar" batch --input="$input" --output="$output" \
  "${options[@]}" "$@"
