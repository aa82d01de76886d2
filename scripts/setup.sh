#!/usr/bin/env bash
# Installs everything kubetune's tests and demos need on a fresh Debian machine:
# the real components tests start (Prometheus + promtool, node-exporter, etcd, fio, stress-ng, iperf3)
# and the npm packages. Idempotent: skips what is already there.
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
