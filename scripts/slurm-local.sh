#!/usr/bin/env bash
# From the tested recipe in ../shared/recipes/ (its README lists the pitfalls
# this handles); used by .ci/run and the README's "Running on a cluster".
# slurm-local.sh — start a real single-node Slurm cluster (munged + slurmctld + slurmd) on this
# machine, for CI and tests. Debian 12 (slurm 22.05), run as root, no systemd needed.
#
# Idempotent: if the cluster it configured is already up and healthy, it only re-checks it.
# Quiet on success (prints nothing, exit 0); loud on failure (step, logs, exit 1).
# Every wait is bounded.
#
# Knobs (environment):
#   SLURM_LOCAL_DIR       state/spool/log dir            [/tmp/slurm-local]
#   SLURM_LOCAL_TIMEOUT   seconds for each wait          [60]
#   SLURM_LOCAL_INSTALL   1 = apt-get install if missing [1]
#   SLURM_LOCAL_MIN_JOB_AGE  MinJobAge (s). <=4 makes `sbatch --wait` poll every 2 s instead of
#                         2,8,32,32.. s, but completed jobs vanish from squeue/scontrol after it [4]
#   SLURM_LOCAL_SMOKE     1 = run `srun true` as a final check [1]
#   SLURM_LOCAL_VERBOSE   1 = say what it does                 [0]
#   SLURM_LOCAL_FORCE     1 = overwrite an /etc/slurm/slurm.conf this script did not write [0]
# After it: sbatch/srun/squeue/sinfo/scontrol work as usual (config in /etc/slurm/slurm.conf).
# Stop with slurm-local-stop.sh (same SLURM_LOCAL_DIR).
set -uo pipefail

DIR=${SLURM_LOCAL_DIR:-/tmp/slurm-local}
TO=${SLURM_LOCAL_TIMEOUT:-60}
INSTALL=${SLURM_LOCAL_INSTALL:-1}
MINJOBAGE=${SLURM_LOCAL_MIN_JOB_AGE:-4}
SMOKE=${SLURM_LOCAL_SMOKE:-1}
VERBOSE=${SLURM_LOCAL_VERBOSE:-0}
CONF=/etc/slurm/slurm.conf
T0=$(date +%s)

exec 3>&2   # keep the real stderr: die() may run inside a wait whose output is silenced
say() { [ "$VERBOSE" = 1 ] && echo "slurm-local: $*" >&3; return 0; }
die() {
  {
    echo "slurm-local: FAILED: $*"
    for f in "$DIR/log/slurmctld.log" "$DIR/log/slurmd.log" /var/log/munge/munged.log; do
      [ -f "$f" ] && { echo "---- tail $f"; tail -n 25 "$f"; }
    done
    echo "---- sinfo"; timeout 5 sinfo -N -l 2>&1 | head -n 20
  } >&3
  exit 1
}
# wait_for <seconds> <description> <command...>: poll every 0.5 s until the command succeeds.
wait_for() {
  local secs=$1 what=$2; shift 2
  local end=$(( $(date +%s) + secs ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -ge "$end" ] && die "timed out after ${secs}s waiting for: $what"
    sleep 0.5
  done
}
alive() { [ -f "$1" ] && kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }

[ "$(id -u)" = 0 ] || die "must run as root"

# 1. packages ---------------------------------------------------------------------------------
need=()
for b in slurmctld:slurmctld slurmd:slurmd sbatch:slurm-client munged:munge; do
  command -v "${b%%:*}" >/dev/null 2>&1 || need+=("${b##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$INSTALL" = 1 ] || die "missing packages: ${need[*]} (SLURM_LOCAL_INSTALL=0)"
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  # update only when the package lists are missing or a first try fails
  if ! timeout 600 apt-get install -y -q --no-install-recommends "${need[@]}" >"$log" 2>&1; then
    timeout 300 apt-get update -q >>"$log" 2>&1 || { cat "$log" >&2; die "apt-get update"; }
    timeout 600 apt-get install -y -q --no-install-recommends "${need[@]}" >>"$log" 2>&1 \
      || { tail -n 40 "$log" >&2; die "apt-get install ${need[*]}"; }
  fi
  rm -f "$log"
fi

# 2. hostname must resolve (slurmd finds its NodeName from `hostname -s`; munged resolves it) --
H=$(hostname -s 2>/dev/null || hostname)
[ -n "$H" ] || die "empty hostname"
if ! getent hosts "$H" >/dev/null 2>&1; then
  say "adding $H to /etc/hosts"
  echo "127.0.0.1 $H" >>/etc/hosts 2>/dev/null || die "hostname $H does not resolve and /etc/hosts is not writable"
fi

# 3. munge ---------------------------------------------------------------------------------------
install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
install -d -o munge -g munge -m 0755 /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  say "creating munge key"
  runuser -u munge -- mungekey --create --keyfile=/etc/munge/munge.key >/dev/null 2>&1 \
    || die "mungekey --create"
fi
chown munge:munge /etc/munge/munge.key && chmod 0600 /etc/munge/munge.key
munge_ok() { timeout 5 munge -n </dev/null 2>/dev/null | timeout 5 unmunge >/dev/null 2>&1; }
mkdir -p "$DIR"/{state,spool,log,run} || die "mkdir $DIR"
if ! munge_ok; then
  say "starting munged"
  timeout 30 runuser -u munge -- /usr/sbin/munged >"$DIR/log/munged.start" 2>&1 \
    || { cat "$DIR/log/munged.start" >&2; die "munged did not start"; }
  touch "$DIR/run/munged.started-by-us"
  wait_for "$TO" "munge credential round trip" munge_ok
fi

# 4. slurm.conf ----------------------------------------------------------------------------------
# CPUs/RealMemory from `slurmd -C`; RealMemory lowered by 2% so a small drift never DRAINs the node
# ("Low RealMemory"). Addresses pinned to 127.0.0.1: no DNS needed.
hw=$(timeout 30 slurmd -C 2>/dev/null | head -n 1) || die "slurmd -C"
get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $hw"; }
CPUS=$(get CPUs); MEM=$(get RealMemory)
[ -n "$CPUS" ] && [ -n "$MEM" ] || die "cannot parse slurmd -C: $hw"
MEM=$(( MEM * 98 / 100 ))
newconf=$(cat <<EOF
# written by slurm-local.sh — single-node test cluster
ClusterName=localci
SlurmctldHost=$H(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=1024
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$DIR/log/jobcomp.txt
MpiDefault=none
ReturnToService=2
SlurmdTimeout=60
InactiveLimit=0
MinJobAge=$MINJOBAGE
KillWait=5
Waittime=0
SchedulerType=sched/backfill
NodeName=$H NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
)
if [ -f "$CONF" ] && ! head -n 1 "$CONF" | grep -q '^# written by slurm-local.sh' && [ "${SLURM_LOCAL_FORCE:-0}" != 1 ]; then
  die "$CONF exists and was not written by this script; set SLURM_LOCAL_FORCE=1 to overwrite it"
fi
changed=1
[ -f "$CONF" ] && [ "$(cat "$CONF")" = "$newconf" ] && changed=0
if [ "$changed" = 1 ]; then
  mkdir -p /etc/slurm && printf '%s\n' "$newconf" >"$CONF" || die "write $CONF"
fi

# 5. daemons -------------------------------------------------------------------------------------
stop_pid() { # pidfile
  alive "$1" || return 0
  local p; p=$(cat "$1"); kill "$p" 2>/dev/null
  for _ in $(seq 1 $((TO * 2))); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$p" 2>/dev/null; return 0
}
if [ "$changed" = 1 ]; then  # a running cluster with another config is restarted
  stop_pid "$DIR/run/slurmd.pid"; stop_pid "$DIR/run/slurmctld.pid"
fi
if ! alive "$DIR/run/slurmctld.pid"; then
  say "starting slurmctld"
  timeout 30 /usr/sbin/slurmctld >"$DIR/log/slurmctld.start" 2>&1 \
    || { cat "$DIR/log/slurmctld.start" >&2; die "slurmctld did not start"; }
fi
ctld_up() {
  alive "$DIR/run/slurmctld.pid" || pgrep -x slurmctld >/dev/null || die "slurmctld exited (port 6817 busy? bad config?)"
  timeout 5 scontrol ping 2>/dev/null | grep -q "is UP"
}
wait_for "$TO" "slurmctld to answer (scontrol ping)" ctld_up
if ! alive "$DIR/run/slurmd.pid"; then
  say "starting slurmd"
  timeout 30 /usr/sbin/slurmd >"$DIR/log/slurmd.start" 2>&1 \
    || { cat "$DIR/log/slurmd.start" >&2; die "slurmd did not start"; }
fi

# 6. node must be usable: resume it if a stale state left it DOWN/DRAIN --------------------------
node_state() { timeout 5 sinfo -h -n "$H" -o %T 2>/dev/null | head -n 1; }
end=$(( $(date +%s) + TO )); resumed=0
while :; do
  st=$(node_state)
  case "$st" in
    idle|mixed|allocated|completing) break ;;
    *drain*|down|down\*|fail*)
      if [ "$resumed" = 0 ] && alive "$DIR/run/slurmd.pid"; then
        say "node $H is $st: resuming"
        timeout 10 scontrol update NodeName="$H" State=RESUME >/dev/null 2>&1; resumed=1
      fi ;;
  esac
  alive "$DIR/run/slurmd.pid" || sleep 1
  alive "$DIR/run/slurmd.pid" || die "slurmd exited (port 6818 busy? NodeName $H not in slurm.conf?)"
  [ "$(date +%s)" -ge "$end" ] && die "node $H not idle after ${TO}s (state '${st:-none}', reason: $(timeout 5 sinfo -h -R -n "$H" -o %E 2>/dev/null))"
  sleep 0.5
done

# 7. smoke test ------------------------------------------------------------------------------------
if [ "$SMOKE" = 1 ]; then
  out=$(timeout "$TO" srun -N1 -n1 -t 1 --quiet true 2>&1) || die "smoke test 'srun true' failed: $out"
fi
say "ready: node $H, $CPUS CPUs, ${MEM} MB, in $(( $(date +%s) - T0 ))s"
exit 0
