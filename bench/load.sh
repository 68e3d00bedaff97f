#!/usr/bin/env bash
# The load harness of docs/PERFORMANCE.md: installs the load generator (Debian's wrk) if it is missing, compiles
# Otklik and runs ru.otklik.load.LoadBenchmark with the given options, e.g.
#   bench/load.sh --scenarios=inbox,post,intake --posts=1000000
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq wrk
    else
        echo "wrk is missing and apt-get is not available: install wrk (https://github.com/wg/wrk)" >&2
        exit 1
    fi
fi
./mvnw -q -B -ntp process-test-classes exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
    -Dexec.args="-cp %classpath ru.otklik.load.LoadBenchmark $*"
