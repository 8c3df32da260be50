#!/usr/bin/env bash
# Runs the stream job (Direct runner) until Ctrl-C, with the options of options-TARGET.txt:
#   pipelines/stream-pubsub/run.sh emulator      # the local emulator (start it with emulator.sh)
#   pipelines/stream-pubsub/run.sh pubsub        # Google Cloud Pub/Sub (Application Default Credentials)
# Extra arguments are passed on (later options win), e.g. --indexRetention=36h --output=decisions/
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${NEWS_DEDUP_JAR:-$here/../../target/news-dedup.jar}
if [ $# -lt 1 ] || [ ! -f "$here/options-$1.txt" ]; then
  echo "usage: $0 emulator|pubsub [more stream options]" >&2
  exit 2
fi
target=$1
shift
if [ "$target" = emulator ]; then
  export NO_GCE_CHECK=true  # no probing for a GCE metadata server
fi
mapfile -t options < <(grep -v '^\s*#' "$here/options-$target.txt" | grep -v '^\s*$')
exec java ${JAVA_OPTS:--Xmx4g} -jar "$jar" stream "${options[@]}" "$@"
