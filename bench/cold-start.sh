#!/usr/bin/env bash
# Cold start of `./mandate start` (docs/BENCHMARKS.md). The first start creates the database and
# imports the administrative units: it is the baseline. Then N reuse starts on the same data are
# timed until the health endpoint answers; the median is compared with the first start.
#   bench/cold-start.sh [N]      (default 3; needs curl; builds target/mandate.jar when stale)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-3}
PORT=18080
DATA=target/bench-start
TIMEOUT_S=180          # bound on each start and each stop
HEALTH="http://localhost:$PORT/actuator/health"
LOG=target/bench-start.log
pid=""

if curl -sf "$HEALTH" >/dev/null 2>&1; then
  echo "Something already answers on port $PORT; stop it first." >&2
  exit 1
fi

# The launcher builds the jar when stale; build first so that no start is timed with a build.
./mandate build >/dev/null

now_ms() { date +%s%3N; }

stop() { # SIGTERM the java process we started, then wait (bounded) until it has exited
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(( $(date +%s) + TIMEOUT_S ))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "java ($pid) did not stop within ${TIMEOUT_S}s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.2
  done
  wait "$pid" 2>/dev/null || true
  pid=""
}
trap stop EXIT
trap 'stop; exit 130' INT TERM

start_timed() { # starts Mandate; sets elapsed to the milliseconds until the health check answers
  local t0 deadline
  t0=$(now_ms)
  ./mandate start --data-dir "$DATA" --port "$PORT" >>"$LOG" 2>&1 &
  pid=$!   # the launcher execs java, so this is the java process
  deadline=$(( $(date +%s) + TIMEOUT_S ))
  until curl -sf "$HEALTH" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Mandate exited before answering; see $LOG" >&2
      exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "Mandate did not answer within ${TIMEOUT_S}s; see $LOG" >&2
      exit 1
    fi
    sleep 0.05
  done
  elapsed=$(( $(now_ms) - t0 ))
}

rm -rf "$DATA" "$LOG"
mkdir -p "$DATA"
start_timed
first=$elapsed
stop
echo "first start (creates the database, imports): ${first} ms"

reuse=()
for i in $(seq 1 "$N"); do
  start_timed
  ms=$elapsed
  stop
  reuse+=("$ms")
  echo "reuse start $i: ${ms} ms"
done

median=$(printf '%s\n' "${reuse[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
awk -v f="$first" -v m="$median" -v n="$N" 'BEGIN {
  printf "\n| Cold start | ms |\n|---|---|\n"
  printf "| first start (baseline: creates the database, imports) | %d |\n", f
  printf "| reuse start, median of %d | %d |\n", n, m
  printf "| ratio first / reuse | %.1fx |\n", f / m
  printf "| target reuse < 10 s | %s |\n", (m < 10000 ? "met" : "**missed**")
}' | tee target/cold-start.md
