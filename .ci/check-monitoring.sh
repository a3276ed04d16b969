#!/usr/bin/env bash
# Monitoring check: promtool check/test rules, then a real Prometheus scrapes the running service (and
# loads alerts.yml), and every metric that the alert rules and the Grafana dashboard use must exist in it.
# Usage: .ci/check-monitoring.sh HOST:PORT OUT_DIR
set -euo pipefail

target=${1:?usage: check-monitoring.sh HOST:PORT OUT_DIR}
out=${2:?usage: check-monitoring.sh HOST:PORT OUT_DIR}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rules=$root/monitoring/prometheus/alerts.yml
dashboard=$root/monitoring/grafana/qnt9-srs.json
mkdir -p "$out"
rm -rf "$out/tsdb"

promtool check rules "$rules"
promtool test rules "$root/monitoring/prometheus/alerts.test.yml"
jq -e '.panels | length > 0' "$dashboard" > /dev/null

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
cat > "$out/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $rules
scrape_configs:
  - job_name: qnt9-srs
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ["$target"]
YAML
promtool check config "$out/prometheus.yml"

prometheus --config.file="$out/prometheus.yml" --storage.tsdb.path="$out/tsdb" \
  --web.listen-address="127.0.0.1:$port" > "$out/prometheus.log" 2>&1 &
prom_pid=$!
trap 'kill "$prom_pid" 2>/dev/null || true; wait "$prom_pid" 2>/dev/null || true' EXIT
api=http://127.0.0.1:$port/api/v1

# Traffic, so that request metrics (per uri/status) exist before the scrape.
for path in /health /api/v1/instruments "/api/stats?ticker=AAPL&start=2014-01-01&end=2014-12-31" /api/v1/instruments/NOPE42; do
  curl -s -o /dev/null "http://$target$path" || true
done

scraped=0
for _ in $(seq 1 60); do
  if [[ $(curl -s "$api/query" --data-urlencode 'query=count_over_time(up{job="qnt9-srs"}[1m])' 2>/dev/null |
    jq -r '.data.result[0].value[1] // 0') -ge 3 ]]; then
    scraped=1
    break
  fi
  sleep 1
done
((scraped)) || { echo "Prometheus did not scrape $target 3 times; log:"; tail -20 "$out/prometheus.log"; exit 1; }
[[ $(curl -s "$api/query" --data-urlencode 'query=up{job="qnt9-srs"}' | jq -r '.data.result[0].value[1]') == 1 ]] ||
  { echo "target $target is down in Prometheus"; exit 1; }
rules_loaded=$(curl -s "$api/rules" | jq '[.data.groups[].rules[]] | length')
echo "Prometheus scraped $target; $rules_loaded alert rules loaded"

# Every metric name used by a selector (NAME{...}) in the rules or the dashboard must have series.
mapfile -t metrics < <(grep -ohE '[a-zA-Z_:][a-zA-Z0-9_:]*\{' "$rules" "$dashboard" | tr -d '{' | sort -u)
missing=()
for m in "${metrics[@]}"; do
  n=$(curl -s "$api/query" --data-urlencode "query=count({__name__=\"$m\"})" | jq -r '.data.result[0].value[1] // 0')
  if [[ $n == 0 ]]; then
    missing+=("$m")
    printf '  MISSING %s\n' "$m"
  else
    printf '  ok      %-45s %s series\n' "$m" "$n"
  fi
done
echo "metrics: $((${#metrics[@]} - ${#missing[@]})) passed, ${#missing[@]} failed"
((${#missing[@]} == 0))
