#!/usr/bin/env bash
# Start-up and memory breakdown of the workbench-csharp kernel (sandboxed, as users get it): see kernel_breakdown.py.
set -euo pipefail
cd "$(dirname "$0")/../.."

dotnet build kernels/Workbench.Kernel.Front -c Release -v q -nologo >/dev/null
front="$PWD/kernels/Workbench.Kernel.Front/bin/Release/net10.0/Workbench.Kernel.Front.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir -p "$work/kernels/workbench-csharp"
cat > "$work/kernels/workbench-csharp/kernel.json" <<JSON
{"argv": ["$(command -v dotnet)", "$front", "--connection-file", "{connection_file}", "--work-dir", "$work/work"],
 "display_name": "C# (Workbench)", "language": "C#", "interrupt_mode": "message"}
JSON
cd tests/benchmarks
JUPYTER_PATH="$work" /usr/bin/python3 kernel_breakdown.py workbench-csharp
