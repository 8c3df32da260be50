#!/usr/bin/env bash
# Starts the Pub/Sub emulator on 127.0.0.1:8085 (log: $TMPDIR/news-dedup-pubsub-emulator.log) and
# creates what options-emulator.txt uses: topics articles, dedup-decisions, dedup-rejected and
# the subscriptions articles-sub, dedup-decisions-sub, dedup-rejected-sub.
#   pipelines/stream-pubsub/emulator.sh            # start and set up; prints the emulator's pid
#   pipelines/stream-pubsub/emulator.sh publish F  # publish each line of JSONL file F as a message
#   pipelines/stream-pubsub/emulator.sh pull [N]   # pull (and ack) up to N decisions, print them
set -euo pipefail
emulator=${PUBSUB_EMULATOR:-/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator}
log=${TMPDIR:-/tmp}/news-dedup-pubsub-emulator.log
api=http://127.0.0.1:8085/v1/projects/news-dedup-local
json=(-s -f -H 'content-type: application/json')

case "${1:-start}" in
  start)
    "$emulator" --host=127.0.0.1 --port=8085 >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 150); do
      curl -s -o /dev/null http://127.0.0.1:8085/ && break
      kill -0 "$pid" 2>/dev/null || { echo "the emulator exited; see $log" >&2; exit 1; }
      sleep 0.2
    done
    for t in articles dedup-decisions dedup-rejected; do
      curl "${json[@]}" -X PUT "$api/topics/$t" >/dev/null
      curl "${json[@]}" -X PUT "$api/subscriptions/$t-sub" \
        -d "{\"topic\": \"projects/news-dedup-local/topics/$t\", \"ackDeadlineSeconds\": 60}" >/dev/null
    done
    echo "emulator running (pid $pid) on 127.0.0.1:8085; stop it with: kill $pid"
    ;;
  publish)
    n=0
    while IFS= read -r line || [ -n "$line" ]; do
      [ -z "${line// }" ] && continue
      data=$(printf '%s' "$line" | base64 -w0)
      curl "${json[@]}" -X POST "$api/topics/articles:publish" \
        -d "{\"messages\": [{\"data\": \"$data\"}]}" >/dev/null
      n=$((n + 1))
    done < "${2:?usage: $0 publish FILE.jsonl}"
    echo "published $n messages"
    ;;
  pull)
    curl "${json[@]}" -X POST "$api/subscriptions/dedup-decisions-sub:pull" \
      -d "{\"maxMessages\": ${2:-100}, \"returnImmediately\": true}" |
      python3 -c '
import base64, json, sys, urllib.request
r = json.load(sys.stdin).get("receivedMessages", [])
for m in r:
    print(base64.b64decode(m["message"]["data"]).decode())
if r:
    req = urllib.request.Request(sys.argv[1], method="POST",
        data=json.dumps({"ackIds": [m["ackId"] for m in r]}).encode(),
        headers={"content-type": "application/json"})
    urllib.request.urlopen(req).read()
' "$api/subscriptions/dedup-decisions-sub:acknowledge"
    ;;
  *)
    echo "usage: $0 [start | publish FILE.jsonl | pull [N]]" >&2
    exit 2
    ;;
esac
