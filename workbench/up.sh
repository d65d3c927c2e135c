#!/usr/bin/env bash
# Runs Workbench on its embedded defaults (SQLite, synthetic demo data, demo users): installs what the notebooks in the
# browser need when it is missing (Debian's jupyter-notebook; bubblewrap for the kernel's sandbox), then `workbench up`.
# Arguments go to `workbench up` (e.g. --persons 20000, --port 5081).
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(jupyter-notebook jupyter-client bubblewrap)
missing=()
for pkg in "${packages[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]} (apt)"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
exec dotnet run --project workbench/Workbench.Cli -c Release -- up "$@"
