#!/usr/bin/env bash
# Runs the batch job on Google Cloud Dataflow over the files matching INPUT and writes OUTPUT_DIR
# (both gs:// paths).
#   PROJECT=my-project REGION=europe-west1 BUCKET=my-bucket \
#     pipelines/batch-dataflow/run.sh 'gs://my-bucket/feeds/2026-11-28/*' gs://my-bucket/dedup/2026-11-28
# NOT RUN on the development machine: it has no Google Cloud project, credentials or network
# access; a smoke test only checks that this script stops with a clear message when something is
# missing. Needs:
#   - a jar with the Dataflow runner:    mvn -Pdataflow -DskipTests package
#   - credentials: gcloud auth application-default login, or GOOGLE_APPLICATION_CREDENTIALS=key.json
#   - PROJECT, REGION and BUCKET (staging and temp files go to gs://$BUCKET/news-dedup/)
# Options come from options.txt next to this script; extra arguments are passed on.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${NEWS_DEDUP_JAR:-$here/../../target/news-dedup.jar}
fail() { echo "batch-dataflow: $*" >&2; exit 2; }
if [ $# -lt 2 ]; then
  echo "usage: PROJECT=... REGION=... BUCKET=... $0 gs://INPUT_PATTERN gs://OUTPUT_DIR [more batch options]" >&2
  exit 2
fi
input=$1 output=$2
shift 2
for var in PROJECT REGION BUCKET; do
  [ -n "${!var:-}" ] || fail "set $var (the Google Cloud project, region and staging bucket)"
done
adc=${CLOUDSDK_CONFIG:-$HOME/.config/gcloud}/application_default_credentials.json
if [ -n "${GOOGLE_APPLICATION_CREDENTIALS:-}" ]; then
  [ -r "$GOOGLE_APPLICATION_CREDENTIALS" ] \
    || fail "GOOGLE_APPLICATION_CREDENTIALS=$GOOGLE_APPLICATION_CREDENTIALS is not a readable file"
elif [ ! -r "$adc" ]; then
  fail "no Google Cloud credentials: run 'gcloud auth application-default login' or set GOOGLE_APPLICATION_CREDENTIALS"
fi
[ -r "$jar" ] || fail "no jar at $jar: build it with 'mvn -Pdataflow -DskipTests package'"
mapfile -t options < <(grep -v '^\s*#' "$here/options.txt" | grep -v '^\s*$')
# The shaded jar is the one file to stage: it holds the job, Beam and every dependency.
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -jar "$jar" batch --input="$input" --output="$output" \
  "${options[@]}" --project="$PROJECT" --region="$REGION" \
  --tempLocation="gs://$BUCKET/news-dedup/temp" --stagingLocation="gs://$BUCKET/news-dedup/staging" \
  --filesToStage="$jar" "$@" || {
  rc=$?
  [ $rc -eq 2 ] && echo "batch-dataflow: if the runner is unknown, the jar was built without -Pdataflow" >&2
  exit $rc
}
