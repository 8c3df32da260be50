#!/usr/bin/env bash
# Runs the stream job on Apache Flink (1.19) with the RocksDB state backend and checkpoints, with
# the options of options-flink.txt and of the source (../stream-pubsub/options-SOURCE.txt: the
# local emulator or Google Cloud Pub/Sub; options-kafka.txt here: Kafka), until stopped:
#   pipelines/stream-flink/run.sh emulator                       # embedded Flink, local emulator
#   pipelines/stream-flink/run.sh kafka                          # embedded Flink, Kafka
#   STATE=s3://b/state FLINK_MASTER=jobmanager:8081 pipelines/stream-flink/run.sh pubsub
#   SUBMIT=flink FLINK_RUN_ARGS="-d" pipelines/stream-flink/run.sh pubsub          # flink run
#   SAVEPOINT=file:///var/lib/news-dedup/state/JOB/chk-42 pipelines/stream-flink/run.sh emulator
# Where the job runs:
#   FLINK_MASTER unset or [local]  an embedded Flink in this JVM (one machine; Ctrl-C stops it;
#                                  its last checkpoints stay in STATE/JOB_ID/chk-N)
#   FLINK_MASTER=host:port         a running Flink cluster, by its JobManager's REST address
#   SUBMIT=flink                   `flink run` of the Flink installation (FLINK, default: flink on
#                                  the PATH; FLINK_RUN_ARGS, e.g. "-d -m host:8081 -p 4")
# STATE      where RocksDB checkpoints go (default file://$PWD/news-dedup-state); on a cluster a
#            path every TaskManager reaches (s3://, hdfs://, a shared mount)
# SAVEPOINT  restart from this savepoint or retained checkpoint: the index comes back as it was
#            (same matching options; see "What breaks a restart" in streaming.md)
# Extra arguments are passed on, e.g. --indexRetention=36h --index=/data/batch-index
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${NEWS_DEDUP_JAR:-$here/../../target/news-dedup.jar}
# The source's options: the Pub/Sub ones of pipelines/stream-pubsub, or options-SOURCE.txt here.
sources=$here/../stream-pubsub
if [ $# -ge 1 ] && [ -f "$here/options-$1.txt" ] && [ "$1" != flink ]; then
  sources=$here
fi
if [ $# -lt 1 ] || [ "$1" = flink ] || [ ! -f "$sources/options-$1.txt" ]; then
  echo "usage: $0 emulator|pubsub|kafka [more stream options]" >&2
  exit 2
fi
source=$1
shift
if [ "$source" = emulator ]; then
  export NO_GCE_CHECK=true  # no probing for a GCE metadata server
fi
state=${STATE:-file://$PWD/news-dedup-state}
mapfile -t options < <(cat "$here/options-flink.txt" "$sources/options-$source.txt" \
  | grep -v '^\s*#' | grep -v '^\s*$')
args=(stream "${options[@]}" --stateBackendStoragePath="$state")
if [ "${SUBMIT:-java}" = flink ]; then
  # `flink run -s` restores; --flinkMaster stays [auto], the job goes where `flink run` sends it.
  # shellcheck disable=SC2086
  exec "${FLINK:-flink}" run ${FLINK_RUN_ARGS:-} ${SAVEPOINT:+-s "$SAVEPOINT"} \
    -c io.newsdedup.cli.Main "$jar" "${args[@]}" "$@"
fi
if [ -n "${SAVEPOINT:-}" ]; then
  args+=(--savepointPath="$SAVEPOINT")
fi
args+=(--flinkMaster="${FLINK_MASTER:-[local]}")
# NEWS_DEDUP_CLASSPATH runs from a build tree instead of the jar (the tests do).
if [ -n "${NEWS_DEDUP_CLASSPATH:-}" ]; then
  launch=(-cp "$NEWS_DEDUP_CLASSPATH" io.newsdedup.cli.Main)
else
  launch=(-jar "$jar")
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx2g} "${launch[@]}" "${args[@]}" "$@"
