# shellcheck shell=bash
# Kubernetes blue-green driver (used by cd.yml): the chart renders one Deployment per enabled colour and
# a Service selecting blueGreen.activeColor; switching traffic is a `helm upgrade` that changes only the
# Service selector. State is read back from the release's values (`helm get values`).
# Env: HELM_RELEASE (qnt9-srs), HELM_NAMESPACE, HELM_CHART (deploy/helm/qnt9-srs),
#      HELM_VALUES (e.g. values-staging.yaml, relative to the chart), HELM_EXTRA_ARGS (e.g. --set ...),
#      PUBLIC_URL (ingress URL; default: a port-forward to the live Service), BG_READY_TIMEOUT_S.

HELM_RELEASE=${HELM_RELEASE:-qnt9-srs}
HELM_NAMESPACE=${HELM_NAMESPACE:?HELM_NAMESPACE is required}
HELM_CHART=${HELM_CHART:-deploy/helm/qnt9-srs}
HELM_VALUES=${HELM_VALUES:?HELM_VALUES is required (values-dev.yaml, values-staging.yaml, values-prd.yaml)}
HELM_EXTRA_ARGS=${HELM_EXTRA_ARGS:-}
BG_READY_TIMEOUT_S=${BG_READY_TIMEOUT_S:-600}
# Port-forward pids go to a file: bg_color_url runs inside $(...), a subshell.
BG_PF_FILE=$(mktemp)

# The chart's fullname for release "qnt9-srs" is "qnt9-srs"; otherwise "<release>-qnt9-srs".
bg_fullname() { if [[ $HELM_RELEASE == *qnt9-srs* ]]; then echo "$HELM_RELEASE"; else echo "$HELM_RELEASE-qnt9-srs"; fi; }

# shellcheck disable=SC2034 # ACTIVE and TAG_* belong to blue-green.sh, which sources this driver.
bg_load_state() {
  local values
  ACTIVE="" TAG_blue="" TAG_green=""
  values=$(helm get values "$HELM_RELEASE" -n "$HELM_NAMESPACE" -o json 2>/dev/null) || return 0
  ACTIVE=$(jq -r '.blueGreen.activeColor // ""' <<< "$values")
  TAG_blue=$(jq -r 'if .blueGreen.colors.blue.enabled then .blueGreen.colors.blue.tag // "" else "" end' <<< "$values")
  TAG_green=$(jq -r 'if .blueGreen.colors.green.enabled then .blueGreen.colors.green.tag // "" else "" end' <<< "$values")
}

bg_apply_state() {
  local color tag args=() extra=()
  for color in blue green; do
    tag=$(tag_of "$color")
    if [[ -n $tag ]]; then
      args+=(--set "blueGreen.colors.$color.enabled=true" --set-string "blueGreen.colors.$color.tag=$tag")
    else
      args+=(--set "blueGreen.colors.$color.enabled=false" --set-string "blueGreen.colors.$color.tag=")
    fi
  done
  read -r -a extra <<< "$HELM_EXTRA_ARGS"
  helm upgrade --install "$HELM_RELEASE" "$HELM_CHART" -n "$HELM_NAMESPACE" --create-namespace \
    -f "$HELM_CHART/$HELM_VALUES" --set "blueGreen.activeColor=$ACTIVE" "${args[@]}" "${extra[@]}" \
    --history-max 20 --wait=false
}

bg_wait_ready() {
  kubectl -n "$HELM_NAMESPACE" rollout status "deployment/$(bg_fullname)-$1" --timeout "${BG_READY_TIMEOUT_S}s"
}

# A port-forward to a Service; echoes its local URL. Works from the runner without exposing the preview.
bg_port_forward() {
  local service=$1 port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  kubectl -n "$HELM_NAMESPACE" port-forward "svc/$service" "$port:80" > /dev/null 2>&1 &
  echo "$!" >> "$BG_PF_FILE"
  for _ in $(seq 1 30); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && break
    sleep 1
  done
  echo "http://127.0.0.1:$port"
}

# The idle colour is reachable through the preview Service while it is not live.
bg_color_url() { bg_port_forward "$(bg_fullname)-preview"; }
bg_public_url() { if [[ -n ${PUBLIC_URL:-} ]]; then echo "$PUBLIC_URL"; else bg_port_forward "$(bg_fullname)"; fi; }
bg_cleanup() {
  local pid
  while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$BG_PF_FILE"
  rm -f "$BG_PF_FILE"
}
bg_teardown() { helm uninstall "$HELM_RELEASE" -n "$HELM_NAMESPACE" --wait; }
