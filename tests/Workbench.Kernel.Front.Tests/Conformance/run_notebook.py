"""Executes a notebook headless through nbclient (as CI and scheduled reports would) and writes the result.

Usage: run_notebook.py IN.ipynb OUT.ipynb   (JUPYTER_PATH must name the workbench-csharp kernelspec)
"""
import sys

import nbformat
from nbclient import NotebookClient

notebook = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(notebook, kernel_name="workbench-csharp", timeout=180, startup_timeout=180).execute()
nbformat.write(notebook, sys.argv[2])
