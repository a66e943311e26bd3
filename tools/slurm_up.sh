#!/usr/bin/env bash
# A single-node SLURM on this machine, for the tests (tests/test_slurm.py) and CI (.ci/run).
#
# Idempotent: installs slurm-wlm and munge from Debian when they are missing, writes /etc/slurm/slurm.conf
# (one node "localhost" with this machine's CPUs and about 90% of its memory, one default partition, no
# accounting database), starts munged, slurmctld and slurmd when they are not running (restarts them when the
# configuration changed), and waits until the node is idle. Needs root and a Debian-like system; no systemd.
#
#   tools/slurm_up.sh            # start (or check) the cluster
#   SLURM_UP_TIMEOUT=120 tools/slurm_up.sh
#   tools/slurm_down.sh          # stop it again
#
# Why these settings (measured, see issue 15): without slurmdbd `sacct` has no accounting, so the Snakemake
# plugin must poll with `squeue`, and squeue only sees finished jobs for MinJobAge seconds; the plugin falls back
# to sacct (and hangs) unless MinJobAge >= 3 x its first status interval. 600 s leaves room for any interval
# up to 200 s.
set -euo pipefail

TIMEOUT=${SLURM_UP_TIMEOUT:-60}
CONF_DIR=/etc/slurm
CONF=$CONF_DIR/slurm.conf
STATE=/var/spool/slurm
LOGS=/var/log/slurm
RUN=/run/slurm

fail() { echo "slurm_up: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "moet als root draaien (installeert pakketten en start daemons)"

# 1. Packages.
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    command -v apt-get >/dev/null || fail "slurm-wlm en munge ontbreken en apt-get is er niet: installeer ze zelf"
    echo "slurm_up: slurm-wlm en munge installeren" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

# 2. Configuration: this machine's CPUs and ~90% of its memory.
cpus=$(nproc)
mem_mb=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
mkdir -p "$CONF_DIR" "$STATE/ctld" "$STATE/d" "$LOGS" "$RUN"
new_conf=$(mktemp)
trap 'rm -f "$new_conf"' EXIT
cat >"$new_conf" <<EOF
# Written by tools/slurm_up.sh (mhcases): a single-node test cluster. Edits are overwritten.
ClusterName=mhcases
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MinJobAge=600
MpiDefault=none
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$RUN/slurmctld.pid
SlurmdPidFile=$RUN/slurmd.pid
SlurmctldLogFile=$LOGS/slurmctld.log
SlurmdLogFile=$LOGS/slurmd.log
NodeName=localhost CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

running() {  # running NAME PIDFILE: the daemon whose pid file names a live process of that name
    local pid
    [[ -s $2 ]] || return 1
    pid=$(<"$2")
    [[ -r /proc/$pid/comm && $(</proc/$pid/comm) == "$1" ]]
}

stop_slurm_daemons() {
    local name pidfile pid
    for name in slurmd slurmctld; do
        pidfile=$RUN/$name.pid
        if running "$name" "$pidfile"; then
            pid=$(<"$pidfile")
            kill "$pid"
            timeout 20 tail --pid="$pid" -f /dev/null || kill -9 "$pid"
        fi
    done
}

if ! cmp -s "$new_conf" "$CONF"; then
    echo "slurm_up: $CONF schrijven (${cpus} CPU's, ${mem_mb} MB)" >&2
    stop_slurm_daemons
    install -m 0644 "$new_conf" "$CONF"
    # A fresh state: jobs and node states of an earlier configuration must not come back.
    rm -rf "${STATE:?}/ctld/"* "${STATE:?}/d/"*
fi

# 3. munge: a key, then munged as the munge user.
if [[ ! -s /etc/munge/munge.key ]]; then
    mkdir -p /etc/munge
    if command -v mungekey >/dev/null; then mungekey --create --force >/dev/null
    else dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; fi
    chown munge:munge /etc/munge/munge.key
    chmod 0400 /etc/munge/munge.key
fi
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge
if ! running munged /run/munge/munged.pid; then
    runuser -u munge -- /usr/sbin/munged
fi
munge -n | unmunge >/dev/null || fail "munge werkt niet (zie /var/log/munge/munged.log)"

# 4. The SLURM daemons.
running slurmctld "$RUN/slurmctld.pid" || slurmctld
running slurmd "$RUN/slurmd.pid" || slurmd -N localhost

# 5. Wait until the node takes jobs.
deadline=$((SECONDS + TIMEOUT))
state=""
while ((SECONDS < deadline)); do
    state=$(sinfo -h -N -n localhost -o %T 2>/dev/null || true)
    if [[ $state == idle || $state == mixed || $state == allocated ]]; then
        echo "slurm_up: knooppunt localhost is $state (${cpus} CPU's, ${mem_mb} MB)" >&2
        exit 0
    fi
    sleep 0.5
done
fail "knooppunt localhost werd niet binnen ${TIMEOUT} s beschikbaar (toestand: '${state:-onbekend}');
zie $LOGS/slurmctld.log en $LOGS/slurmd.log"
