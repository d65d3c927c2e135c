"""Side by side through jupyter_client: the workbench-csharp kernel (sandboxed) and the reference .NET Interactive
kernel. For each: cold start to the first result of a cell, the median round trip of 50 trivial cells, and the
resident memory of the kernel's whole process tree (front and worker for ours) after them: RSS, the goal's measure,
and PSS beside it (shared pages split between the processes that share them).

Usage: kernel_peer.py KERNEL_NAME [KERNEL_NAME ...]   (JUPYTER_PATH must name the kernelspecs)
"""
import os
import statistics
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

CELLS = 50


def tree_memory_kib(root_pid):
    """(RSS, PSS) of the tree in KiB. RSS counts a page once per process mapping it (the runtime's libraries, which
    front and worker share, twice); PSS splits shared pages between the processes that map them."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    rss, pss, todo = 0, 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as f:
                rss += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            with open(f"/proc/{pid}/smaps_rollup") as f:
                pss += next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
    return rss, pss


def run_cell(client, code):
    reply = client.execute_interactive(code, timeout=120, output_hook=lambda m: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{code!r} failed: {reply['content']}")


def measure(name):
    started = time.perf_counter()
    manager = KernelManager(kernel_name=name)
    # The reference kernel logs its HTTP server to stdout; neither kernel's log belongs in the figures.
    manager.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=180)
    run_cell(client, "1 + 1")
    cold = time.perf_counter() - started
    latencies = []
    for i in range(CELLS):
        t = time.perf_counter()
        run_cell(client, f"{i} + 1")
        latencies.append(time.perf_counter() - t)
    rss, pss = tree_memory_kib(manager.provisioner.process.pid)
    client.stop_channels()
    manager.shutdown_kernel(now=True)
    return cold, statistics.median(latencies), rss, pss


def main():
    results = {}
    for name in sys.argv[1:]:
        cold, median, rss, pss = measure(name)
        results[name] = (cold, median, rss, pss)
        print(f"{name:24} cold start {cold:6.2f} s   cell median {median * 1000:7.1f} ms   RSS {rss / 1024:7.1f} MiB   (PSS {pss / 1024:7.1f} MiB)", flush=True)
    if len(results) == 2:
        (a, (ca, ma, ra, pa)), (b, (cb, mb, rb, pb)) = results.items()
        print(f"ratio {a} / {b}: cold start {ca / cb:.2f}, cell latency {ma / mb:.2f}, memory {ra / rb:.2f} (PSS {pa / pb:.2f})")


if __name__ == "__main__":
    main()
