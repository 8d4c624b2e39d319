#!/usr/bin/env bash
# Load test of the web API on loopback, with two baselines measured in the same run:
#   the HTTP floor (/healthz) and the ceiling (AnswerEngine.Ask in-process on the same questions and cores).
# Needs Debian's wrk (apt-get install -y wrk). Bounded in time: about 3 minutes.
#   bench/web-load/run.sh [seconds per wrk run, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "web-load: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
secs="${1:-20}"
port=5099
url="http://127.0.0.1:$port"

dotnet build src/Stride.Web -c Release -v q -nologo >/dev/null
dotnet build bench/Stride.LoadProbe -c Release -v q -nologo >/dev/null

# A realistic mix: our own consumer queries (short) and blind-set messages (long stories), 300 in all.
questions=$(mktemp)
{ awk -F'\t' 'NR > 1 {print $1}' tests/Stride.Tests/Data/seed-queries.tsv tests/Stride.Tests/Data/kb-queries.tsv
  awk -F'\t' 'NR > 1 && NR <= 151 {print $1}' tests/Stride.Tests/Data/triage-v5-test.tsv; } | awk 'NF > 0 && n++ < 300' > "$questions"
export STRIDE_QUESTIONS="$questions"
echo "question mix: $(wc -l < "$questions") questions"

ASPNETCORE_ENVIRONMENT=Production dotnet src/Stride.Web/bin/Release/net10.0/Stride.Web.dll --urls "$url" \
  --Stride:RateLimit:PermitLimit=1000000000 --Logging:LogLevel:Default=Warning >/tmp/stride-web-load.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$questions"' EXIT
for _ in $(seq 1 120); do curl -fs "$url/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$url/readyz" >/dev/null || { echo "web-load: the server did not become ready" >&2; exit 1; }

rss() { ps -o rss= -p "$server" | tr -d ' '; }
echo "== warm-up"; wrk -t2 -c8 -d5s -s bench/web-load/ask.lua "$url" >/dev/null
echo "== floor: GET /healthz"; wrk -t2 -c32 -d"${secs}s" --latency "$url/healthz" | grep -E "Requests/sec|  50%|  99%"
echo "== GET /api/ask, saturated (2 threads, 32 connections)"
ask=$(wrk -t2 -c32 -d"${secs}s" --latency -s bench/web-load/ask.lua "$url")
echo "$ask" | grep -E "Requests/sec|  50%|  99%|Non-2xx|Socket errors" || true
rps=$(echo "$ask" | awk '/Requests\/sec/ {print int($2)}')
echo "== ceiling: AnswerEngine in-process on the same questions and cores"
dotnet bench/Stride.LoadProbe/bin/Release/net10.0/Stride.LoadProbe.dll inprocess "$secs" "$questions"
half=$((rps / 2))
echo "== GET /api/ask at half of saturation ($half/s, open loop)"
dotnet bench/Stride.LoadProbe/bin/Release/net10.0/Stride.LoadProbe.dll openloop "$url" "$half" "$secs" "$questions"
echo "== memory over 60 s of saturation (resident KB every 10 s)"
start=$(rss); samples="$start"
wrk -t2 -c32 -d60s -s bench/web-load/ask.lua "$url" >/dev/null &
load=$!
for _ in 1 2 3 4 5 6; do sleep 10; samples="$samples $(rss)"; done
wait $load
echo "RSS KB: $samples"
