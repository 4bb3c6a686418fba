# lit configuration of xamba's textual-IR golden tests.
# Each *.xir file carries its own RUN: lines; `xambac` is the launcher bin/xambac built by ./build.sh or
# `mvn verify`, `filecheck` the Python FileCheck from .venv, `not` lit's built-in (inverts the exit code).
import os
import shutil
import subprocess

import lit.formats

config.name = "xamba"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".xir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.excludes = ["Inputs"]

repo = os.path.dirname(config.test_source_root)
xambac = os.path.join(repo, "bin", "xambac")
# The runnable jar itself (`java -jar %xambac_jar ...`), as scripts/xambac-jar.sh finds it for bin/xambac.
xambac_jar = subprocess.run([os.path.join(repo, "scripts", "xambac-jar.sh")], capture_output=True, text=True).stdout.strip()
config.substitutions.append(("%xambac_jar", xambac_jar or "xambac-jar-not-built"))
venv_bin = os.path.join(repo, ".venv", "bin")
filecheck = os.path.join(venv_bin, "filecheck")
if not os.path.exists(filecheck):
    filecheck = shutil.which("filecheck") or "filecheck"

python = os.path.join(venv_bin, "python")
# `%exit-code CMD...` prints CMD's stderr, its stdout and then `exit=N`, for checks of the exact exit code.
config.substitutions.append(("%exit-code", "python " + os.path.join(config.test_source_root, "Inputs", "exit_code.py")))
config.substitutions.append((r"(?<![\w/.-])python(?![\w/.-])", python))
# Whole-word tool names only, so that paths which happen to contain them are left alone.
config.substitutions.append((r"(?<![\w/.-])xambac(?![\w/.-])", xambac))
config.substitutions.append((r"(?<![\w/.-])filecheck(?![\w/.-])", filecheck))
config.environment["PATH"] = os.pathsep.join([venv_bin, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Keep the JVM's own chatter (e.g. JAVA_TOOL_OPTIONS notes) out of checked stderr.
config.environment.pop("JAVA_TOOL_OPTIONS", None)
