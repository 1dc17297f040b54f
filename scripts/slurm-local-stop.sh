#!/usr/bin/env bash
# From the tested recipe in ../shared/recipes/ (its README lists the pitfalls
# this handles); used by .ci/run and the README's "Running on a cluster".
# slurm-local-stop.sh — stop the single-node cluster started by slurm-local.sh.
# Cancels remaining jobs, stops slurmd and slurmctld by their pid files, and munged only if
# slurm-local.sh started it. Idempotent (nothing running = success), quiet on success,
# loud on failure, bounded waits.
#   --purge   also delete SLURM_LOCAL_DIR (state, spool, logs) so the next start is fresh
# Knobs: SLURM_LOCAL_DIR [/tmp/slurm-local], SLURM_LOCAL_TIMEOUT [30]
set -uo pipefail
DIR=${SLURM_LOCAL_DIR:-/tmp/slurm-local}
TO=${SLURM_LOCAL_TIMEOUT:-30}
PURGE=0; [ "${1:-}" = --purge ] && PURGE=1
fail=0
err() { echo "slurm-local-stop: $*" >&2; fail=1; }

alive_pid() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
stop_pidfile() { # name pidfile
  local name=$1 pf=$2 p
  [ -f "$pf" ] || return 0
  p=$(cat "$pf" 2>/dev/null)
  alive_pid "$p" || { rm -f "$pf"; return 0; }
  kill -TERM "$p" 2>/dev/null
  for _ in $(seq 1 $((TO * 2))); do alive_pid "$p" || { rm -f "$pf"; return 0; }; sleep 0.5; done
  err "$name (pid $p) ignored SIGTERM for ${TO}s; sending SIGKILL"
  kill -KILL "$p" 2>/dev/null; sleep 0.5
  alive_pid "$p" && err "$name (pid $p) still alive after SIGKILL"
  rm -f "$pf"
}

# 1. cancel jobs while the controller still answers, wait (bounded) for them to end
if [ -f "$DIR/run/slurmctld.pid" ] && alive_pid "$(cat "$DIR/run/slurmctld.pid" 2>/dev/null)"; then
  jobs=$(timeout 10 squeue -h -o %A 2>/dev/null | sort -u)
  if [ -n "$jobs" ]; then
    # shellcheck disable=SC2086
    timeout 10 scancel $jobs >/dev/null 2>&1
    end=$(( $(date +%s) + TO ))
    while [ -n "$(timeout 5 squeue -h -t R,CG,PD -o %A 2>/dev/null)" ]; do
      [ "$(date +%s)" -ge "$end" ] && { err "jobs still running after ${TO}s: $(timeout 5 squeue -h 2>&1 | head -n 5)"; break; }
      sleep 0.5
    done
  fi
fi

# 2. daemons, slurmd first
stop_pidfile slurmd "$DIR/run/slurmd.pid"
stop_pidfile slurmctld "$DIR/run/slurmctld.pid"
if [ -f "$DIR/run/munged.started-by-us" ]; then
  stop_pidfile munged /run/munge/munged.pid
  rm -f "$DIR/run/munged.started-by-us"
fi

# 3. optional purge of state
if [ "$PURGE" = 1 ] && [ -d "$DIR" ]; then
  case "$DIR" in /|/tmp|/var|/var/tmp|"") err "refusing to purge '$DIR'" ;; *) rm -rf "$DIR" ;; esac
fi
[ "$fail" = 0 ] || { echo "slurm-local-stop: FAILED (see above)" >&2; exit 1; }
exit 0
