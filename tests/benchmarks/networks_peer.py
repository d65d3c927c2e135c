"""Peer side of tests/benchmarks/networks.sh: the same steps as the core in igraph or networkx.

usage: /usr/bin/python3 networks_peer.py igraph|networkx DIR
Prints "name value" lines; writes DIR/shares-<peer>.txt (2-hop all-layer share of convicted members per ego).
"""
import sys
import time

import numpy as np

peer, folder = sys.argv[1], sys.argv[2]
start = time.perf_counter()
with open(f"{folder}/flags.txt") as f:
    n = int(f.readline())
    flags = np.loadtxt(f, dtype=np.int8) if n else np.zeros(0, dtype=np.int8)
egos = [int(line) for line in open(f"{folder}/egos.txt")]

if peer == "igraph":
    import igraph
    t = time.perf_counter()
    g = igraph.Graph.Read_Edgelist(f"{folder}/edges.txt", directed=False)
    if g.vcount() < n:
        g.add_vertices(n - g.vcount())
    print(f"load_s {time.perf_counter() - start:.3f}")
    t = time.perf_counter()
    components = g.connected_components()
    print(f"components_s {time.perf_counter() - t:.3f}")
    print(f"components {len(components)}")
    print(f"largest {max(components.sizes())}")
    t = time.perf_counter()
    shares, members = [], 0
    for ego, hood in zip(egos, g.neighborhood(egos, order=2)):
        others = np.asarray(hood[1:], dtype=np.int64)  # igraph puts the ego first
        members += len(others)
        shares.append(flags[others].sum() / len(others) if len(others) else float("nan"))
    print(f"egos_s {time.perf_counter() - t:.3f}")
else:
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    with open(f"{folder}/edges.txt") as f:
        g.add_edges_from((int(a), int(b)) for a, b in (line.split() for line in f))
    print(f"load_s {time.perf_counter() - start:.3f}")
    t = time.perf_counter()
    sizes = [len(c) for c in nx.connected_components(g)]
    print(f"components_s {time.perf_counter() - t:.3f}")
    print(f"components {len(sizes)}")
    print(f"largest {max(sizes)}")
    t = time.perf_counter()
    shares, members = [], 0
    for ego in egos:
        others = np.fromiter((v for v in nx.single_source_shortest_path_length(g, ego, cutoff=2) if v != ego), dtype=np.int64)
        members += len(others)
        shares.append(flags[others].sum() / len(others) if len(others) else float("nan"))
    print(f"egos_s {time.perf_counter() - t:.3f}")
print(f"ego_members {members}")
print(f"total_s {time.perf_counter() - start:.3f}")
with open(f"{folder}/shares-{peer}.txt", "w") as f:
    f.write("\n".join(repr(float(s)) for s in shares) + "\n")
