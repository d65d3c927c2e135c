#!/usr/bin/env bash
# The README's test command: runs every Workbench test on a fresh Debian machine with the .NET 10 SDK.
# Installs what the tests need when it is missing, builds once, runs every test project, and ends with one
# summary line "tests: N passed, M failed, K skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need, installed only when missing: PostgreSQL for the server tests, chromium for the
# browser journeys (Playwright drives /usr/bin/chromium; its own browser download is not used); Jupyter's client,
# the kernel conformance suite and nbclient for the kernel tests (run with /usr/bin/python3); bubblewrap for the
# kernel's sandbox.
apt_packages=(postgresql chromium jupyter-client python3-jupyter-kernel-test python3-nbclient bubblewrap jupyter-notebook)
missing=()
for pkg in "${apt_packages[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The server's integration tests run against PostgreSQL too: start the local cluster and give them a role.
if [ -z "${WORKBENCH_TEST_POSTGRES:-}" ]; then
  pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_ctlcluster "$pg_version" main start 2>/dev/null || pg_ctlcluster "$pg_version" main status >/dev/null
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='workbench_test'\"" | grep -q 1 ||
    su postgres -c "psql -qc \"CREATE ROLE workbench_test LOGIN CREATEDB PASSWORD 'workbench_test'\""
  # DROP DATABASE ... WITH (FORCE) ends every session on a test database, autovacuum workers included; a
  # non-superuser may do that only as a member of pg_signal_backend (PostgreSQL 15).
  su postgres -c "psql -qc \"GRANT pg_signal_backend TO workbench_test\""
  export WORKBENCH_TEST_POSTGRES="Host=127.0.0.1;Username=workbench_test;Password=workbench_test;Database=postgres"
fi

dotnet restore Workbench.sln
dotnet build Workbench.sln --no-restore -c Release

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test Workbench.sln --no-build -c Release --logger trx --results-directory "$results" || status=$?

# One summary over every test assembly, from the runners' own result files.
cat "$results"/*.trx 2>/dev/null | grep -oE '<Counters [^>]*' |
  sed -E 's/.* passed="([0-9]+)" failed="([0-9]+)".* notExecuted="([0-9]+)".*/\1 \2 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; exit (p == 0)}' || { [ "$status" -ne 0 ] || status=1; }
exit "$status"
