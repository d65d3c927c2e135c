#!/usr/bin/env bash
# Output-control benchmark: optimal vs fast secondary suppression on the same 2-D tables (time and cost ratio) and
# fast + full audit on 3-D tables up to 1,000,000 inner cells. sdcTable/τ-ARGUS cannot run here, so the peer in the
# ratio is our own exact method. Pass "quick" for the small sizes only.
# "national" (with "quick" for 5 %, or "scale=0.02"; "only=fast,optimal" for some of flat, fast, optimal; "limit=60"
# for the optimal method's whole-table budget in seconds, 600 unless given, 60 on the server): gemeente ⊃ wijk ⊃ buurt
# × SBI section × quarter with every subtotal, hierarchical optimal and fast against today's flat method (three
# separate tables whose union is audited against the hierarchy: "narrowed" and "not-proven" primaries).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/OutputControl.Benchmarks -c Release -v quiet -nologo >/dev/null
dotnet tests/OutputControl.Benchmarks/bin/Release/net10.0/OutputControl.Benchmarks.dll "$@"
