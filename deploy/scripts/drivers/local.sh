# shellcheck shell=bash
# Local blue-green driver: each colour is a podman container of the service image on its own port
# (host network); deploy/scripts/local-proxy.mjs on BG_PUBLIC_PORT forwards to the active colour's port.
# State lives in BG_STATE_DIR: active (colour), tag.blue, tag.green, active-port (read by the proxy).
# Env: BG_IMAGE (repository, default localhost/qnt9-srs), BG_STATE_DIR, BG_PUBLIC_PORT, BG_BLUE_PORT,
#      BG_GREEN_PORT, BG_READY_TIMEOUT_S, BG_CONTAINER_ENV (space-separated KEY=VALUE for the containers).

BG_IMAGE=${BG_IMAGE:-localhost/qnt9-srs}
BG_STATE_DIR=${BG_STATE_DIR:-${TMPDIR:-/tmp}/qnt9-blue-green}
BG_PUBLIC_PORT=${BG_PUBLIC_PORT:-18400}
BG_BLUE_PORT=${BG_BLUE_PORT:-18401}
BG_GREEN_PORT=${BG_GREEN_PORT:-18402}
BG_READY_TIMEOUT_S=${BG_READY_TIMEOUT_S:-120}
# Default: a dev container (staging needs JWT_SECRET, which the caller passes with ENVIRONMENT=staging).
BG_CONTAINER_ENV=${BG_CONTAINER_ENV:-ENVIRONMENT=dev}
BG_SCRIPTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$BG_STATE_DIR"

bg_port() { if [[ $1 == blue ]]; then echo "$BG_BLUE_PORT"; else echo "$BG_GREEN_PORT"; fi; }
bg_container() { echo "qnt9-bg-$1"; }
bg_read() { if [[ -f $BG_STATE_DIR/$1 ]]; then cat "$BG_STATE_DIR/$1"; fi; }
bg_write() { printf '%s\n' "$2" > "$BG_STATE_DIR/$1.tmp" && mv "$BG_STATE_DIR/$1.tmp" "$BG_STATE_DIR/$1"; }

# shellcheck disable=SC2034 # ACTIVE and TAG_* belong to blue-green.sh, which sources this driver.
bg_load_state() {
  ACTIVE=$(bg_read active)
  TAG_blue=$(bg_read tag.blue)
  TAG_green=$(bg_read tag.green)
}

bg_ensure_proxy() {
  local pid
  pid=$(bg_read proxy.pid)
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then return 0; fi
  node "$BG_SCRIPTS_DIR/local-proxy.mjs" "$BG_PUBLIC_PORT" "$BG_STATE_DIR/active-port" >> "$BG_STATE_DIR/proxy.log" 2>&1 &
  bg_write proxy.pid "$!"
  for _ in $(seq 1 50); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$BG_PUBLIC_PORT/" && return 0
    sleep 0.1
  done
  echo "local proxy did not start (see $BG_STATE_DIR/proxy.log)" >&2
  return 1
}

# Makes the containers and the proxy match ACTIVE/TAG_*: a colour whose tag changed is replaced.
bg_apply_state() {
  local color tag running name port env_args=() kv
  for kv in $BG_CONTAINER_ENV; do env_args+=(-e "$kv"); done
  for color in blue green; do
    tag=$(tag_of "$color")
    running=$(bg_read "tag.$color")
    name=$(bg_container "$color")
    port=$(bg_port "$color")
    if [[ $tag != "$running" ]] || { [[ -n $tag ]] && ! podman container exists "$name"; }; then
      podman rm -f -t 10 "$name" > /dev/null 2>&1 || true
      if [[ -n $tag ]]; then
        # stderr: podman without systemd warns that it cannot schedule healthchecks.
        podman run -d --name "$name" --label qnt9.color="$color" -e PORT="$port" -e DATA_DIR=/tmp/qnt9 \
          "${env_args[@]}" "$BG_IMAGE:$tag" > /dev/null 2> "$BG_STATE_DIR/podman-run.err" ||
          { cat "$BG_STATE_DIR/podman-run.err" >&2; return 1; }
      fi
      bg_write "tag.$color" "$tag"
    fi
  done
  if [[ -n $ACTIVE ]]; then
    bg_write active-port "$(bg_port "$ACTIVE")"
    bg_write active "$ACTIVE"
    bg_ensure_proxy
  fi
}

# Ready = /readyz answers 200 on the colour's own port; fails early when the container has exited.
bg_wait_ready() {
  local name port deadline state
  name=$(bg_container "$1")
  port=$(bg_port "$1")
  deadline=$((SECONDS + BG_READY_TIMEOUT_S))
  while ((SECONDS < deadline)); do
    if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/readyz"; then return 0; fi
    state=$(podman inspect -f '{{.State.Status}}' "$name" 2>/dev/null || echo missing)
    if [[ $state != running && $state != created ]]; then
      echo "container $name is $state; last log lines:" >&2
      podman logs --tail 5 "$name" 2>&1 | cut -c1-300 >&2 || true
      return 1
    fi
    sleep 1
  done
  echo "container $name not ready after ${BG_READY_TIMEOUT_S}s" >&2
  return 1
}

bg_color_url() { echo "http://127.0.0.1:$(bg_port "$1")"; }
bg_public_url() { echo "http://127.0.0.1:$BG_PUBLIC_PORT"; }
bg_cleanup() { :; }

bg_teardown() {
  local pid color
  for color in blue green; do podman rm -f -t 5 "$(bg_container "$color")" > /dev/null 2>&1 || true; done
  pid=$(bg_read proxy.pid)
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi
  rm -f "$BG_STATE_DIR"/{active,active-port,tag.blue,tag.green,proxy.pid}
}
