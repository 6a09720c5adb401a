#!/usr/bin/env bash
# The bench compares the build with a bare Hugo site of the same data (scripts/lib/bare-sites.ts):
# installs Debian's hugo package with apt-get when it is missing. Only the bench needs it.
set -euo pipefail
command -v hugo >/dev/null && exit 0
echo "安装性能对照所需的 Debian 软件包：hugo" >&2
sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends hugo
