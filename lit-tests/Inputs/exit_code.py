"""Runs a command and prints its stderr, its stdout, then `exit=N`: lit's `not` takes any failure, and a test that
promises exit 1 (an input error) or 2 (a bad command line) must see which."""
import subprocess
import sys

r = subprocess.run(sys.argv[1:], capture_output=True)
sys.stdout.buffer.write(r.stderr)
sys.stdout.buffer.write(r.stdout)
print(f"exit={r.returncode}")
