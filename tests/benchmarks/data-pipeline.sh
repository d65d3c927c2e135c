#!/usr/bin/env bash
# Benchmark: generate + ingest of synthetic populations, against DuckDB's own CSV load of the same files.
#   tests/benchmarks/data-pipeline.sh [persons ...]      (default: 100000 1000000)
# Prints per size: wall time and peak RSS of generate and ingest, rows, and two ratios against DuckDB as the peer:
#   gen/peer     generate vs DuckDB COPY writing the same rows and columns of random numbers to CSV
#                (the cost of writing that volume, with no world to build);
#   ingest/peer  ingest vs DuckDB read_csv loading the raw files as text, with no validation or pseudonymisation
#                (the fastest plain load of the same bytes).
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
dotnet build workbench/Workbench.Cli -c Release -v quiet -nologo >/dev/null
dotnet build tests/Workbench.Benchmarks -c Release -v quiet -nologo >/dev/null
cli=(dotnet workbench/Workbench.Cli/bin/Release/net10.0/workbench.dll)
peer=(dotnet tests/Workbench.Benchmarks/bin/Release/net10.0/Workbench.Benchmarks.dll)

work=$(mktemp -d "${TMPDIR:-/tmp}/workbench-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
"${cli[@]}" data keygen --out "$work/key" >/dev/null

printf '%-10s %8s %8s %10s %8s %9s %8s %10s %10s %11s %10s\n' persons gen_s gen_MB gen/peer raw_MB ingest_s ingest_MB ingest/peer rows write_peer_s load_peer_s
for n in "${sizes[@]}"; do
  raw="$work/raw-$n"; store="$work/store-$n.duckdb"
  /usr/bin/time -f '%e %M' -o "$work/gen.t" "${cli[@]}" data generate --persons "$n" --seed 1 --out "$raw" >/dev/null
  /usr/bin/time -f '%e %M' -o "$work/ing.t" "${cli[@]}" data ingest "$raw" --key-file "$work/key" --store "$store" >/dev/null
  read -r load_s _ < <("${peer[@]}" peer-load "$raw" "$work/peer-$n.duckdb")
  read -r write_s _ < <("${peer[@]}" peer-write "$raw" "$work/peer-raw-$n")
  read -r gen_s gen_kb < "$work/gen.t"
  read -r ing_s ing_kb < "$work/ing.t"
  raw_mb=$(du -sm "$raw" | cut -f1)
  rows=$(awk -F'"rows": ' '/"rows"/ {gsub(/,.*/, "", $2); s += $2} END {print s}' "$raw/manifest.json")
  gen_ratio=$(awk -v a="$gen_s" -v b="$write_s" 'BEGIN {printf "%.2fx", a / b}')
  ing_ratio=$(awk -v a="$ing_s" -v b="$load_s" 'BEGIN {printf "%.2fx", a / b}')
  printf '%-10s %8s %8d %10s %8s %9s %8d %10s %10s %11s %10s\n' "$n" "$gen_s" $((gen_kb / 1024)) "$gen_ratio" "$raw_mb" \
    "$ing_s" $((ing_kb / 1024)) "$ing_ratio" "$rows" "$write_s" "$load_s"
  rm -rf "$raw" "$store" "$work/peer-$n.duckdb" "$work/peer-raw-$n"
done
