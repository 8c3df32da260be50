#!/usr/bin/env bash
# Runs the stream job on Google Cloud Dataflow (streaming) with the topics of options-pubsub.txt:
#   PROJECT=my-project REGION=europe-west1 BUCKET=my-bucket pipelines/stream-pubsub/dataflow.sh
#   UPDATE=1 PROJECT=... REGION=... BUCKET=... pipelines/stream-pubsub/dataflow.sh  # new code, same index
# Stop it with: gcloud dataflow jobs drain JOB_ID --region=REGION (finishes what was read; the
# index is gone afterwards) or cancel. UPDATE=1 replaces the running job named JOB_NAME (default
# news-dedup-stream) in place, keeping its index, when Dataflow finds the new job's state
# compatible (see "What breaks a restart" in src/site/markdown/streaming.md).
# NOT RUN on the development machine: it has no Google Cloud project, credentials or network
# access; a smoke test only checks that this script stops with a clear message when something is
# missing. Needs a jar with the Dataflow runner (mvn -Pdataflow -DskipTests package), credentials
# (gcloud auth application-default login, or GOOGLE_APPLICATION_CREDENTIALS=key.json), and PROJECT,
# REGION and BUCKET (staging and temp files go to gs://$BUCKET/news-dedup/). Replace MY-PROJECT in
# options-pubsub.txt. Extra arguments are passed on (e.g. --index=gs://b/batch-index).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${NEWS_DEDUP_JAR:-$here/../../target/news-dedup.jar}
fail() { echo "stream-dataflow: $*" >&2; exit 2; }
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
mapfile -t options < <(grep -v '^\s*#' "$here/options-pubsub.txt" | grep -v '^\s*$' \
  | sed "s/MY-PROJECT/$PROJECT/g")
update=()
if [ -n "${UPDATE:-}" ]; then
  update=(--update)
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx2g} -jar "$jar" stream "${options[@]}" --runner=DataflowRunner \
  --streaming=true --jobName="${JOB_NAME:-news-dedup-stream}" "${update[@]}" \
  --project="$PROJECT" --region="$REGION" --enableStreamingEngine=true \
  --tempLocation="gs://$BUCKET/news-dedup/temp" --stagingLocation="gs://$BUCKET/news-dedup/staging" \
  --filesToStage="$jar" "$@"
