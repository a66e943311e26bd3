#!/usr/bin/env bash
# Stop the single-node SLURM that tools/slurm_up.sh started: cancel its jobs, then stop slurmd, slurmctld and
# munged, each by the pid in its own pid file. Idempotent: does nothing for daemons that are not running.
set -euo pipefail

RUN=/run/slurm

running() {  # running NAME PIDFILE: the daemon whose pid file names a live process of that name
    local pid
    [[ -s $2 ]] || return 1
    pid=$(<"$2")
    [[ -r /proc/$pid/comm && $(</proc/$pid/comm) == "$1" ]]
}

stop() {  # stop NAME PIDFILE: SIGTERM, wait up to 20 s, then SIGKILL
    local pid
    running "$1" "$2" || return 0
    pid=$(<"$2")
    kill "$pid" 2>/dev/null || return 0
    timeout 20 tail --pid="$pid" -f /dev/null || kill -9 "$pid" 2>/dev/null || true
    echo "slurm_down: $1 gestopt" >&2
}

if running slurmctld "$RUN/slurmctld.pid"; then
    scancel --full --quiet --state=PENDING,RUNNING --user="$(id -un)" 2>/dev/null || true
fi
stop slurmd "$RUN/slurmd.pid"
stop slurmctld "$RUN/slurmctld.pid"
stop munged /run/munge/munged.pid
