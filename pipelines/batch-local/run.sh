#!/usr/bin/env bash
# Runs the batch job on one machine over the files matching INPUT and writes OUTPUT_DIR.
#   pipelines/batch-local/run.sh 'feeds/2026-11-28/*' out/2026-11-28
# Options come from options.txt next to this script; options given on the command line replace
# them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${NEWS_DEDUP_JAR:-$here/../../target/news-dedup.jar}
if [ $# -lt 2 ]; then
  echo "usage: $0 INPUT_PATTERN OUTPUT_DIR [more batch options]" >&2
  exit 2
fi
input=$1 output=$2
shift 2
options=()
# options.txt, except what the command line sets itself
while read -r option; do
  case " $* " in *" ${option%%=*}="*) ;; *) options+=("$option") ;; esac
done < <(grep -v '^\s*#' "$here/options.txt" | grep -v '^\s*$')
# NEWS_DEDUP_CLASSPATH runs from a build tree instead of the jar (the tests do).
if [ -n "${NEWS_DEDUP_CLASSPATH:-}" ]; then
  launch=(-cp "$NEWS_DEDUP_CLASSPATH" io.newsdedup.cli.Main)
else
  launch=(-jar "$jar")
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx4g} "${launch[@]}" batch --input="$input" --output="$output" \
  "${options[@]}" "$@"
