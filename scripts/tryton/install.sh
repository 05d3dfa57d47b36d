#!/usr/bin/env bash
# Installs Debian 12's Tryton 6.0 server plus the purchase modules for the sandbox ERP.
# Idempotent: does nothing when everything is already there, so CI can call it on every run.
set -euo pipefail

PACKAGES=(tryton-server tryton-modules-purchase tryton-modules-purchase-requisition)

installed() {
  command -v trytond >/dev/null 2>&1 || return 1
  command -v trytond-admin >/dev/null 2>&1 || return 1
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] || return 1
  done
}

if installed; then
  echo "tryton: already installed ($(dpkg-query -W -f='${Version}' tryton-server))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

$SUDO apt-get update
# Without --no-install-recommends apt also pulls PostgreSQL, LibreOffice, WeasyPrint and an MTA.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"

# On a systemd host the package's postinst enables and starts tryton-server.service on
# port 8000 with the system config; tests start their own servers on loopback ports, so
# a stray system service only holds a port and memory. Containers usually block the
# start through policy-rc.d, in which case there is nothing to stop.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  if systemctl is-enabled --quiet tryton-server.service 2>/dev/null \
    || systemctl is-active --quiet tryton-server.service 2>/dev/null; then
    $SUDO systemctl disable --now tryton-server.service || true
  fi
elif command -v service >/dev/null 2>&1 && [ -x /etc/init.d/tryton-server ]; then
  $SUDO service tryton-server stop >/dev/null 2>&1 || true
fi

installed || { echo "tryton: install finished but trytond or a module is missing" >&2; exit 1; }
echo "tryton: installed $(dpkg-query -W -f='${Version}' tryton-server)"
