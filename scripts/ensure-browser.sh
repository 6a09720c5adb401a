#!/usr/bin/env bash
# Makes sure Debian's Chromium (its headless build, scripts/lib/chromium.ts says why) and CJK fonts are
# there before the browser tests, and the tools the print tests read PDFs with: poppler-utils (pdfinfo,
# pdftoppm) and zbar-tools (zbarimg decodes QR codes).
# Installs them with apt-get (Debian's own packages) when missing; never downloads a browser build.
# A browser named by CHROMIUM_PATH must already be there.
set -euo pipefail
need=()
if [[ -n ${CHROMIUM_PATH:-} ]]; then
  [[ -x $CHROMIUM_PATH ]] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH：找不到这个浏览器" >&2; exit 1; }
else
  [[ -x /usr/bin/chromium-headless-shell ]] || need+=(chromium-headless-shell)
fi
# Read whole first: with pipefail, `fc-list | grep -q` fails when grep stops early and fc-list gets SIGPIPE.
fonts=$(fc-list : family 2>/dev/null || true)
grep -qi 'Noto Sans CJK' <<<"$fonts" || need+=(fonts-noto-cjk fontconfig)
command -v zbarimg >/dev/null || need+=(zbar-tools)
command -v pdftoppm >/dev/null && command -v pdfinfo >/dev/null || need+=(poppler-utils)
((${#need[@]})) || exit 0
echo "安装浏览器测试所需的 Debian 软件包：${need[*]}" >&2
sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
