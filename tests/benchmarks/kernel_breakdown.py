"""Where the workbench-csharp kernel's start-up time and memory go: starts the kernel once through jupyter_client with
its log kept, runs 50 trivial cells, and prints the kernel's own start-up log lines (front, worker phases), the cell
latency as the client sees it, and the resident memory of every process of the kernel's tree split into anonymous
memory and file pages (RssAnon / RssFile from /proc/PID/status; file pages such as the runtime's libraries are
shared between the front and the worker, so the plain sum counts them twice).

Usage: kernel_breakdown.py KERNEL_NAME   (JUPYTER_PATH must name the kernelspec)
"""
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

from kernel_peer import run_cell  # noqa: E402


def tree(root_pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    children.setdefault(int(f.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry))
            except OSError:
                pass
    todo, found = [root_pid], []
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def status(pid):
    values = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                values[key] = rest.strip()
        with open(f"/proc/{pid}/cmdline") as f:
            values["cmd"] = " ".join(a for a in f.read().split("\0") if a)[-70:]
    except OSError:
        pass
    return values


def main():
    name = sys.argv[1]
    log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
    started = time.perf_counter()
    manager = KernelManager(kernel_name=name)
    manager.start_kernel(stdout=log, stderr=log)
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=180)
    ready = time.perf_counter() - started
    run_cell(client, "1 + 1")
    cold = time.perf_counter() - started
    latencies = []
    for i in range(50):
        t = time.perf_counter()
        run_cell(client, f"{i} + 1")
        latencies.append(time.perf_counter() - t)
    # The floor of a round trip: kernel_info is answered by the front alone (busy, reply, idle), no worker involved.
    floor = []
    for _ in range(50):
        t = time.perf_counter()
        client.kernel_info(reply=True, timeout=30)
        floor.append(time.perf_counter() - t)
    print(f"kernel_info round trip (front only) median {statistics.median(floor) * 1000:.1f} ms")
    print(f"kernel_info answered {ready:.2f} s, first result {cold:.2f} s, cell median {statistics.median(latencies) * 1000:.1f} ms "
          f"(min {min(latencies) * 1000:.1f}, max {max(latencies) * 1000:.1f})")
    total = 0
    for pid in tree(manager.provisioner.process.pid):
        s = status(pid)
        if "VmRSS" not in s:
            continue
        rss = int(s["VmRSS"].split()[0])
        total += rss
        print(f"  pid {pid:7} {s.get('Name', ''):16} RSS {rss / 1024:6.1f} MiB (anon {int(s['RssAnon'].split()[0]) / 1024:6.1f}, "
              f"file {int(s['RssFile'].split()[0]) / 1024:6.1f}) threads {s.get('Threads')}  {s.get('cmd', '')}")
    print(f"  tree RSS {total / 1024:.1f} MiB")
    # The language services are warmed once the session is idle for a second; their memory, for the record.
    time.sleep(4)
    client.complete("Console.Wri", 11, reply=True, timeout=60)
    after = sum(int(status(pid).get("VmRSS", "0 kB").split()[0]) for pid in tree(manager.provisioner.process.pid))
    print(f"  tree RSS {after / 1024:.1f} MiB after 4 s idle and a completion")
    client.stop_channels()
    manager.shutdown_kernel(now=True)
    log.seek(0)
    print("kernel log:")
    for line in log:
        print("  " + line.rstrip())
    os.unlink(log.name)


if __name__ == "__main__":
    main()
