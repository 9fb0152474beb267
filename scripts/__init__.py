"""The labs that measure the site from outside: load, benchmarks, database faults, slow
clients, a two-instance cluster, Lighthouse, and the generated tables in docs/.

Each one runs as `python -m scripts.<name>` from the project's folder (the Makefile's
targets do), so this checkout's code is the code measured. The servers they start come
from the same harness as the subprocess tests: tests/production/servers.py and env.py.
"""
