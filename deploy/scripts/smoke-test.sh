#!/usr/bin/env bash
# Post-deploy smoke test: the few calls that prove a deployment serves its core contract.
# Usage: smoke-test.sh BASE_URL        (env: SMOKE_WAIT_S=0 waits that long for /health first)
# Used after every deploy by deploy/scripts/blue-green.sh (local rehearsal and cd.yml alike).
set -euo pipefail

base=${1:?usage: smoke-test.sh BASE_URL}
base=${base%/}
wait_s=${SMOKE_WAIT_S:-0}
passed=0
failed=0

check() { # check NAME EXPECTED_STATUS URL [JQ_FILTER]: status must match; the filter must print true
  local name=$1 expected=$2 url=$3 filter=${4:-} body status
  body=$(mktemp)
  status=$(curl -sS -o "$body" -w '%{http_code}' --max-time 10 "$url" 2>/dev/null) || status=000
  if [[ $status == "$expected" ]] && { [[ -z $filter ]] || [[ $(jq -r "$filter" "$body" 2>/dev/null) == true ]]; }; then
    passed=$((passed + 1))
    echo "  ok   $name"
  else
    failed=$((failed + 1))
    echo "  FAIL $name: HTTP $status $(head -c 300 "$body")"
  fi
  rm -f "$body"
}

if ((wait_s > 0)); then
  deadline=$((SECONDS + wait_s))
  until curl -fsS --max-time 2 -o /dev/null "$base/health" 2>/dev/null; do
    ((SECONDS < deadline)) || break
    sleep 1
  done
fi

echo "smoke test against $base"
check "GET /health is healthy" 200 "$base/health" '.status == "healthy" and (.timestamp | endswith("Z"))'
check "GET /readyz" 200 "$base/readyz"
check "GET /api/v1/instruments lists AAPL" 200 "$base/api/v1/instruments" 'map(.symbol) | index("AAPL") != null'
check "GET /api/stats AAPL 2014" 200 "$base/api/stats?ticker=AAPL&start=2014-01-01&end=2014-12-31" '.trading_days > 0 and .high >= .low'
echo "smoke: $passed passed, $failed failed"
((failed == 0))
