#!/usr/bin/env bash
# A day of Common Crawl News (CC-NEWS: WARC files of about 1 GB, dozens a day) through the batch
# job, day after day with one index, so that today's reposts join yesterday's stories.
#
#   run.sh paths    DAY [LISTING]           the WARC paths of DAY (YYYY-MM-DD), one a line, from
#                                          the month's warc.paths.gz (fetched unless LISTING is a
#                                          local copy of it)
#   run.sh download DAY WARC_DIR            fetches DAY's WARC files into WARC_DIR/DAY (resumes)
#   run.sh batch    DAY WARC_DIR OUT INDEX [batch options]
#                                          dedups WARC_DIR/DAY/*.warc.gz into OUT/DAY, matching
#                                          with and updating the index INDEX
#   run.sh day      DAY WARC_DIR OUT INDEX [batch options]   download, then batch
#
# Options come from options.txt next to this script; options given on the command line replace
# them. CCNEWS_BASE is where the archive is served (default: Common Crawl's public HTTPS host).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${NEWS_DEDUP_JAR:-$here/../../target/news-dedup.jar}
base=${CCNEWS_BASE:-https://data.commoncrawl.org}

usage() {
  sed -n '5,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

check_day() {
  [[ $1 =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "not a day (YYYY-MM-DD): $1" >&2; exit 2; }
}

# The paths of DAY's files: CC-NEWS names each file after the time it was started,
# crawl-data/CC-NEWS/YYYY/MM/CC-NEWS-YYYYMMDDhhmmss-NNNNN.warc.gz
paths() {
  local day=$1 listing=${2:-}
  check_day "$day"
  local compact=${day//-/} year=${day:0:4} month=${day:5:2}
  local all
  if [ -z "$listing" ]; then
    all=$(curl -fsSL "$base/crawl-data/CC-NEWS/$year/$month/warc.paths.gz" | gzip -dc)
  elif [[ $listing == *.gz ]]; then
    all=$(gzip -dc "$listing")
  else
    all=$(cat "$listing")
  fi
  grep -E "/CC-NEWS-${compact}[0-9]{6}-[0-9]+\.warc\.gz$" <<<"$all" || true
}

download() {
  local day=$1 dir=$2
  check_day "$day"
  mkdir -p "$dir/$day"
  paths "$day" | while read -r path; do
    local file=$dir/$day/${path##*/}
    [ -s "$file" ] && [ ! -e "$file.part" ] && continue # done earlier
    touch "$file.part"
    curl -fsSL --retry 5 -C - -o "$file" "$base/$path"
    rm -f "$file.part"
  done
}

batch() {
  local day=$1 dir=$2 out=$3 index=$4
  shift 4
  check_day "$day"
  if ! compgen -G "$dir/$day/*.warc.gz" >/dev/null; then
    echo "no WARC files in $dir/$day (run: $0 download $day $dir)" >&2
    exit 2
  fi
  local options=()
  # options.txt, except what the command line sets itself
  while read -r option; do
    case " $* " in *" ${option%%=*}="*) ;; *) options+=("$option") ;; esac
  done < <(grep -v '^\s*#' "$here/options.txt" | grep -v '^\s*$')
  local launch
  # NEWS_DEDUP_CLASSPATH runs from a build tree instead of the jar (the tests do).
  if [ -n "${NEWS_DEDUP_CLASSPATH:-}" ]; then
    launch=(-cp "$NEWS_DEDUP_CLASSPATH" io.newsdedup.cli.Main)
  else
    launch=(-jar "$jar")
  fi
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xmx8g} "${launch[@]}" batch --input="$dir/$day/*.warc.gz" \
    --output="$out/$day" --index="$index" "${options[@]}" "$@"
}

[ $# -ge 1 ] || usage
command=$1
shift
case $command in
  paths) [ $# -ge 1 ] || usage; paths "$@" ;;
  download) [ $# -eq 2 ] || usage; download "$@" ;;
  batch) [ $# -ge 4 ] || usage; batch "$@" ;;
  day)
    [ $# -ge 4 ] || usage
    download "$1" "$2"
    batch "$@"
    ;;
  *) usage ;;
esac
