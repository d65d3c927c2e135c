#!/usr/bin/env bash
# Benchmark of the workbench-csharp kernel (sandboxed, as users get it) against the reference kernel of the
# Microsoft.dotnet-interactive dotnet tool, side by side in one run through jupyter_client (Debian's, with
# /usr/bin/python3): cold start to the first result, median latency of 50 trivial cells, resident memory of the
# kernel's process tree. Installs the reference tool (version 1.0.712001) into a temporary tool path.
set -euo pipefail
cd "$(dirname "$0")/../.."

dotnet build kernels/Workbench.Kernel.Front -c Release -v q -nologo >/dev/null
front="$PWD/kernels/Workbench.Kernel.Front/bin/Release/net10.0/Workbench.Kernel.Front.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

dotnet tool install Microsoft.dotnet-interactive --version 1.0.712001 --tool-path "$work/tools" >/dev/null
mkdir -p "$work/kernels/workbench-csharp" "$work/kernels/dotnet-interactive-csharp"
cat > "$work/kernels/workbench-csharp/kernel.json" <<JSON
{"argv": ["$(command -v dotnet)", "$front", "--connection-file", "{connection_file}", "--work-dir", "$work/work"],
 "display_name": "C# (Workbench)", "language": "C#", "interrupt_mode": "message"}
JSON
# The reference kernel as its own 'jupyter install' registers it (.net-csharp), with the tool path spelled out.
cat > "$work/kernels/dotnet-interactive-csharp/kernel.json" <<JSON
{"argv": ["$work/tools/dotnet-interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}"],
 "display_name": ".NET (C#)", "language": "C#"}
JSON

JUPYTER_PATH="$work" PATH="$work/tools:$PATH" /usr/bin/python3 tests/benchmarks/kernel_peer.py workbench-csharp dotnet-interactive-csharp
