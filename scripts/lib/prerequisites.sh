# Installs what the project's scripts need on a fresh Debian machine, when it is missing. Sourced by scripts/*.

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing: $* (install it, or run as root so this script can)" >&2
    return 1
  fi
  echo "installing $* from Debian packages" >&2
  if [ -z "${CELLGATE_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    export CELLGATE_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2
}

require_java() {
  if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    apt_install openjdk-17-jdk-headless
  fi
  command -v curl >/dev/null 2>&1 || apt_install curl
  command -v unzip >/dev/null 2>&1 || apt_install unzip
}

require_node() {
  command -v npx >/dev/null 2>&1 || apt_install nodejs npm
}

# FreeRADIUS's radclient: the real NAS client of the RADIUS tests, and the README's example.
require_radclient() {
  command -v radclient >/dev/null 2>&1 || apt_install freeradius-utils
}

# podman (with runc) builds and runs the service's container image without a daemon.
require_podman() {
  command -v podman >/dev/null 2>&1 && command -v runc >/dev/null 2>&1 || apt_install podman runc
}
