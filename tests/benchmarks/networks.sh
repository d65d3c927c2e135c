#!/usr/bin/env bash
# Benchmark: the networks core against igraph and networkx on the same generated network.
#   tests/benchmarks/networks.sh [persons ...]      (default: 1000000; networkx only up to 2,000,000 persons)
# Per size: generate + ingest a store, build the core's cache from it, export the graph as an edge list, then time
# in separate processes (wall time and peak RSS via /usr/bin/time): load, connected components, and 10,000 two-hop
# ego networks with the share of convicted members. Prints figures and the ratios igraph/core, and checks that the
# core's per-ego shares and component counts equal igraph's.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000000)
egos=10000

missing=()
for pkg in python3-igraph python3-networkx python3-numpy time; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; fi
dotnet build tests/Workbench.Networks.Benchmarks -c Release -v quiet -nologo >/dev/null
bench=(dotnet tests/Workbench.Networks.Benchmarks/bin/Release/net10.0/Workbench.Networks.Benchmarks.dll)
py=/usr/bin/python3
peer_script=tests/benchmarks/networks_peer.py

work=$(mktemp -d "${TMPDIR:-/tmp}/workbench-networks.XXXXXX")
trap 'rm -rf "$work"' EXIT
value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }
timed() { local out=$1; shift; /usr/bin/time -f 'wall_s %e\npeak_mb %M' -o "$out.time" "$@" > "$out"; awk '$1=="peak_mb"{$2=int($2/1024)}1' "$out.time" >> "$out"; }

for n in "${sizes[@]}"; do
  dir="$work/$n"; mkdir -p "$dir"
  echo "== $n persons"
  "${bench[@]}" store "$n" "$dir" | sed 's/^/  /'
  timed "$dir/build.out" "${bench[@]}" build "$dir/store.duckdb" "$dir/network.csr"; sed 's/^/  core /' "$dir/build.out"
  "${bench[@]}" export "$dir/network.csr" "$dir/store.duckdb" "$dir" "$egos" | sed 's/^/  /'
  timed "$dir/core.out" "${bench[@]}" run "$dir/network.csr" "$dir"
  timed "$dir/igraph.out" "$py" "$peer_script" igraph "$dir"
  peers=(core igraph)
  if [ "$n" -le 2000000 ]; then timed "$dir/networkx.out" "$py" "$peer_script" networkx "$dir"; peers+=(networkx); fi

  printf '  %-9s %10s %12s %10s %10s %10s %12s\n' peer load_s components_s egos_s total_s wall_s peak_mb
  for p in "${peers[@]}"; do
    f="$dir/$p.out"
    printf '  %-9s %10s %12s %10s %10s %10s %12s\n' "$p" "$(value load_s "$f")" "$(value components_s "$f")" \
      "$(value egos_s "$f")" "$(value total_s "$f")" "$(value wall_s "$f")" "$(value peak_mb "$f")"
  done
  for p in "${peers[@]:1}"; do
    awk -v p="$p" -v c="$dir/core.out" -v o="$dir/$p.out" 'BEGIN {
      while ((getline l < c) > 0) { split(l, a, " "); core[a[1]] = a[2] }
      while ((getline l < o) > 0) { split(l, a, " "); peer[a[1]] = a[2] }
      printf "  %s/core: load %.1fx  components %.1fx  egos %.1fx  total %.1fx  wall %.1fx  peak memory %.2fx\n", p,
        peer["load_s"] / core["load_s"], peer["components_s"] / core["components_s"], peer["egos_s"] / core["egos_s"],
        peer["total_s"] / core["total_s"], peer["wall_s"] / core["wall_s"], peer["peak_mb"] / core["peak_mb"] }'
    "$py" - "$dir/shares-core.txt" "$dir/shares-$p.txt" "$dir/core.out" "$dir/$p.out" <<'PY'
import math, sys
a = [float(x) for x in open(sys.argv[1])]; b = [float(x) for x in open(sys.argv[2])]
kv = lambda f: dict(l.split()[:2] for l in open(f) if l.strip())
c, p = kv(sys.argv[3]), kv(sys.argv[4])
same = len(a) == len(b) and all((math.isnan(x) and math.isnan(y)) or abs(x - y) < 1e-12 for x, y in zip(a, b))
same = same and c["components"] == p["components"] and c["largest"] == p["largest"] and c["ego_members"] == p["ego_members"]
print(f"  {sys.argv[2].split('shares-')[1][:-4]} agrees with core on {len(a)} ego shares, members and components: {same}")
sys.exit(0 if same else 1)
PY
  done
  rm -rf "$dir"
done
