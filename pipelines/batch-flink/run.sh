#!/usr/bin/env bash
# Runs the batch job on Apache Flink (1.19) over the files matching INPUT and writes OUTPUT_DIR.
#   pipelines/batch-flink/run.sh 'feeds/2026-11-28/*' out/2026-11-28              # embedded
#   FLINK_MASTER=jobmanager:8081 pipelines/batch-flink/run.sh '/shared/feeds/*' /shared/out
#   SUBMIT=flink pipelines/batch-flink/run.sh '/shared/feeds/*' /shared/out        # flink run
# Where the job runs:
#   FLINK_MASTER unset or [local]  an embedded Flink mini-cluster in this JVM (a quick local run)
#   FLINK_MASTER=host:port         a running Flink cluster, by its JobManager's REST address: the
#                                  jar is shipped to it by `java -jar` (no Flink install needed);
#                                  give --parallelism=N (else 1: the client does not know the
#                                  cluster's default, unless FLINK_CONF_DIR points at its config)
#   SUBMIT=flink                   `flink run` of the Flink installation (FLINK, default: flink on
#                                  the PATH; FLINK_RUN_ARGS, e.g. "-m host:8081 -p 8")
# On a cluster, INPUT and OUTPUT_DIR must be paths every TaskManager can read and write (a shared
# mount), and absolute. Options come from options.txt next to this script; options given on the
# command line replace them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${NEWS_DEDUP_JAR:-$here/../../target/news-dedup.jar}
if [ $# -lt 2 ]; then
  echo "usage: $0 INPUT_PATTERN OUTPUT_DIR [more batch options]" >&2
  exit 2
fi
input=$1 output=$2
shift 2
args=(batch --input="$input" --output="$output")
# options.txt, except what the command line sets itself
while read -r option; do
  case " $* " in *" ${option%%=*}="*) ;; *) args+=("$option") ;; esac
done < <(grep -v '^\s*#' "$here/options.txt" | grep -v '^\s*$')
if [ "${SUBMIT:-java}" = flink ]; then
  # The Flink client runs main(); --flinkMaster stays [auto], so the job goes where `flink run`
  # sends it.
  # shellcheck disable=SC2086
  exec "${FLINK:-flink}" run ${FLINK_RUN_ARGS:-} -c io.newsdedup.cli.Main "$jar" "${args[@]}" "$@"
fi
# NEWS_DEDUP_CLASSPATH runs from a build tree instead of the jar (the tests do).
if [ -n "${NEWS_DEDUP_CLASSPATH:-}" ]; then
  launch=(-cp "$NEWS_DEDUP_CLASSPATH" io.newsdedup.cli.Main)
else
  launch=(-jar "$jar")
fi
case " $* " in
  *" --flinkMaster="*) ;;  # given on the command line
  *) args+=(--flinkMaster="${FLINK_MASTER:-[local]}") ;;
esac
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx4g} "${launch[@]}" "${args[@]}" "$@"
