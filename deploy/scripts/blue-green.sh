#!/usr/bin/env bash
# Blue-green release with automatic rollback. One flow, two drivers:
#   drivers/helm.sh   AKS through Helm (cd.yml): colours are Deployments, traffic is the Service selector
#   drivers/local.sh  podman containers behind deploy/scripts/local-proxy.mjs (.ci/run rollback rehearsal)
#
# Usage: blue-green.sh --driver helm|local deploy TAG   deploy TAG to the idle colour, smoke it, switch
#        blue-green.sh --driver helm|local rollback     switch traffic back to the other colour
#        blue-green.sh --driver helm|local status       print the active colour and the tag of each colour
#        blue-green.sh --driver local teardown          stop the local containers and proxy
#
# deploy: 1. the idle colour gets TAG; 2. it must become ready and pass smoke-test.sh on its own URL,
# otherwise it is removed and traffic never moves (exit 1); 3. traffic switches; 4. smoke-test.sh through
# the public URL; on failure traffic switches back to the previous colour, i.e. the previous image tag
# (exit 1). The previous colour keeps running until the next deploy, so `rollback` is instant.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
driver=""
if [[ ${1:-} == --driver ]]; then
  driver=${2:?--driver needs a value}
  shift 2
fi
[[ $driver == helm || $driver == local ]] || { echo "usage: $0 --driver helm|local deploy TAG|rollback|status" >&2; exit 2; }
# shellcheck source=drivers/local.sh
source "$here/drivers/$driver.sh"

log() { printf '[blue-green %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
other() { if [[ $1 == blue ]]; then echo green; else echo blue; fi; }

# State every driver loads and applies: ACTIVE (blue|green|""), TAG_blue, TAG_green ("" = not running).
ACTIVE=""
TAG_blue=""
TAG_green=""
tag_of() { local v="TAG_$1"; echo "${!v}"; }
set_tag() { printf -v "TAG_$1" '%s' "$2"; }

smoke() { SMOKE_WAIT_S=${SMOKE_WAIT_S:-30} "$here/smoke-test.sh" "$1"; }

status() {
  bg_load_state
  echo "active=${ACTIVE:-none} blue=${TAG_blue:-none} green=${TAG_green:-none}"
}

deploy() {
  local tag=$1 target previous previous_tag url
  bg_load_state
  previous=$ACTIVE
  if [[ -z $previous ]]; then
    log "first release: $tag goes live as blue"
    set_tag blue "$tag"
    ACTIVE=blue
    bg_apply_state
    if ! bg_wait_ready blue || ! smoke "$(bg_public_url)"; then
      log "FAILED: first release $tag is not healthy"
      return 1
    fi
    log "live: blue=$tag"
    return 0
  fi
  previous_tag=$(tag_of "$previous")
  target=$(other "$previous")
  log "live: $previous=$previous_tag; deploying $tag to $target"
  set_tag "$target" "$tag"
  bg_apply_state
  url=$(bg_color_url "$target")
  if ! bg_wait_ready "$target" || ! smoke "$url"; then
    log "ROLLBACK: $tag failed readiness/smoke on $target; removing it, traffic stays on $previous=$previous_tag"
    set_tag "$target" ""
    bg_apply_state
    smoke "$(bg_public_url)" || log "WARNING: the live colour $previous fails its smoke test too"
    return 1
  fi
  log "switching traffic $previous -> $target"
  ACTIVE=$target
  bg_apply_state
  if ! smoke "$(bg_public_url)"; then
    log "ROLLBACK: smoke test through the public URL failed; switching back to $previous=$previous_tag"
    ACTIVE=$previous
    bg_apply_state
    smoke "$(bg_public_url)" || log "WARNING: $previous fails its smoke test after the rollback"
    return 1
  fi
  log "live: $target=$tag (previous $previous=$previous_tag kept for instant rollback)"
}

rollback() {
  local back
  bg_load_state
  [[ -n $ACTIVE ]] || { log "nothing deployed"; return 1; }
  back=$(other "$ACTIVE")
  [[ -n $(tag_of "$back") ]] || { log "no previous colour is running; use the driver's history (helm rollback)"; return 1; }
  log "rolling back: $ACTIVE=$(tag_of "$ACTIVE") -> $back=$(tag_of "$back")"
  bg_wait_ready "$back" || { log "the previous colour $back is not ready"; return 1; }
  ACTIVE=$back
  bg_apply_state
  smoke "$(bg_public_url)"
  log "live: $back=$(tag_of "$back")"
}

trap 'bg_cleanup' EXIT
case ${1:-} in
  deploy) deploy "${2:?deploy needs an image tag}" ;;
  rollback) rollback ;;
  status) status ;;
  teardown) bg_teardown ;;
  *) echo "usage: $0 --driver helm|local deploy TAG|rollback|status|teardown" >&2; exit 2 ;;
esac
