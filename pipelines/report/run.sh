#!/usr/bin/env bash
# Writes the offline HTML report of a finished batch run and prints where to open it.
#   pipelines/report/run.sh out/2026-11-28                  # report in out/2026-11-28/report/
#   pipelines/report/run.sh out/2026-11-28 /srv/www/dedup   # report elsewhere
# Run it from the directory batch ran in (article texts for the diffs are re-read from the
# records' origins), or pass --inputRoot=DIR. Options come from options.txt next to this script;
# options given on the command line replace them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${NEWS_DEDUP_JAR:-$here/../../target/news-dedup.jar}
if [ $# -lt 1 ]; then
  echo "usage: $0 BATCH_OUTPUT_DIR [REPORT_DIR] [more report options]" >&2
  exit 2
fi
output=$1
shift
report="$output/report"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  report=$1
  shift
fi
if [ ! -e "$output/_SUCCESS" ]; then
  echo "$output has no _SUCCESS marker: the run did not finish" >&2
  exit 2
fi
options=()
while read -r option; do
  case " $* " in *" ${option%%=*}="*) ;; *) options+=("$option") ;; esac
done < <(grep -v '^\s*#' "$here/options.txt" | grep -v '^\s*$')
if [ -n "${NEWS_DEDUP_CLASSPATH:-}" ]; then
  launch=(-cp "$NEWS_DEDUP_CLASSPATH" io.newsdedup.cli.Main)
else
  launch=(-jar "$jar")
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx1g} "${launch[@]}" report --output="$output" --report="$report" \
  "${options[@]}" "$@"
