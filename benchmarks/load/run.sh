#!/usr/bin/env bash
# Runs ../shared/bench (Microsoft's Bot Framework JS SDK reference bot, then KokkaBot, same load,
# same machine, one after the other) several times and prints the medians.
#
# usage: benchmarks/load/run.sh [runs]      env: DURATION (20), CONNECTIONS (32), CONVERSATIONS (1000),
#        BENCH_DIR (default ../shared/bench next to the repository), PORT (3978)
# KokkaBot runs from a Release build published ReadyToRun, on a fresh SQLite file each run, with its
# dialog state written to the file on every turn.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"; PORT="${PORT:-3978}"
BENCH_DIR="${BENCH_DIR:-$(cd .. && pwd)/shared/bench}"
[ -f "$BENCH_DIR/bench.sh" ] || { echo "no load scenario at $BENCH_DIR (set BENCH_DIR)" >&2; exit 2; }

work=$(mktemp -d)
cp -r "$BENCH_DIR" "$work/bench" && chmod -R u+w "$work/bench"
trap 'kill "${KOKKA_PID:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is taken: stop what runs there (or set PORT)" >&2; exit 2
fi
# What a deployment runs: a Release build published ReadyToRun (see KokkaBot.csproj).
app="$work/app"
dotnet publish KokkaBot -c Release -r linux-x64 --self-contained false -o "$app" -nologo -v quiet >/dev/null
results="$work/results.jsonl"
for run in $(seq 1 "$RUNS"); do
  data="$work/data-$run"; mkdir -p "$data"
  (cd "$app" && exec dotnet KokkaBot.dll --urls "http://127.0.0.1:$PORT" \
      --Storage:DataDirectory="$data" --ConnectionStrings:Kokka="Data Source=$data/kokkabot.db" \
      --Logging:LogLevel:Default=Warning) > "$data/server.log" 2>&1 &
  KOKKA_PID=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.2; done
  echo "# run $run of $RUNS" >&2
  "$work/bench/bench.sh" "http://127.0.0.1:$PORT" | grep '^{' >> "$results"
  kill "$KOKKA_PID"; wait "$KOKKA_PID" 2>/dev/null || true; KOKKA_PID=
done

node - "$results" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const of = (label) => rows.filter((r) => r.label === label && r.ok);
const ref = of('refbot'), kokka = of('kokkabot');
const line = (name, rs) => `| ${name} | ${rs.length} | ${median(rs.map((r) => r.rps)).toFixed(0)} | ${median(rs.map((r) => r.latency_ms.p50))} | ${median(rs.map((r) => r.latency_ms.p99))} | ${rs.map((r) => r.rps.toFixed(0)).join(', ')} |`;
const ratios = ref.map((r, i) => kokka[i] ? kokka[i].rps / r.rps : NaN).filter((x) => !Number.isNaN(x));
console.log(`Load: ${rows[0]?.duration_s ?? '?'} s per run, ${rows[0]?.connections} connections, ${rows[0]?.conversations} conversations, expectReplies on /api/messages`);
console.log('');
console.log('| bot | runs | median requests/s | median p50 ms | median p99 ms | requests/s per run |');
console.log('|---|---|---|---|---|---|');
console.log(line('refbot (Bot Framework JS SDK 4.23, state in memory)', ref));
console.log(line('KokkaBot (state in SQLite every turn)', kokka));
console.log('');
console.log(`Throughput ratio KokkaBot / refbot, per run: ${ratios.map((x) => x.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)}`);
if (rows.some((r) => !r.ok)) console.log(`Runs with errors: ${rows.filter((r) => !r.ok).map((r) => r.label).join(', ')}`);
JS
