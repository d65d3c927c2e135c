#!/usr/bin/env bash
# Benchmark: generate + ingest of synthetic populations, against DuckDB's own CSV load of the same files.
#   tests/benchmarks/data-pipeline.sh [persons ...]      (default: 100000 1000000)
# Prints per size: wall time and peak RSS of generate and ingest, rows ingested, and the ratio
# ingest / peer, where the peer is DuckDB read_csv loading the raw files as text, with no validation or
# pseudonymisation (the fastest plain load of the same bytes).
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

printf '%-10s %10s %10s %10s %10s %12s %10s %10s %8s\n' persons gen_s gen_MB raw_MB ingest_s ingest_MB rows peer_s ratio
for n in "${sizes[@]}"; do
  raw="$work/raw-$n"; store="$work/store-$n.duckdb"
  /usr/bin/time -f '%e %M' -o "$work/gen.t" "${cli[@]}" data generate --persons "$n" --seed 1 --out "$raw" >/dev/null
  /usr/bin/time -f '%e %M' -o "$work/ing.t" "${cli[@]}" data ingest "$raw" --key-file "$work/key" --store "$store" >/dev/null
  read -r peer_s _ < <("${peer[@]}" peer-load "$raw" "$work/peer-$n.duckdb")
  read -r gen_s gen_kb < "$work/gen.t"
  read -r ing_s ing_kb < "$work/ing.t"
  raw_mb=$(du -sm "$raw" | cut -f1)
  rows=$(awk -F'"rows": ' '/"rows"/ {gsub(/,.*/, "", $2); s += $2} END {print s}' "$raw/manifest.json")
  ratio=$(awk -v a="$ing_s" -v b="$peer_s" 'BEGIN {printf "%.2f", a / b}')
  printf '%-10s %10s %10d %10s %10s %12d %10s %10s %8s\n' "$n" "$gen_s" $((gen_kb / 1024)) "$raw_mb" "$ing_s" $((ing_kb / 1024)) "$rows" "$peer_s" "${ratio}x"
  rm -rf "$raw" "$store" "$work/peer-$n.duckdb"
done
