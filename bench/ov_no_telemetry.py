"""Turns OpenVINO's telemetry off for OpenVINO's converter called in this process (`ov.convert_model`). Import it
before openvino:

    import ov_no_telemetry  # noqa: F401  (before openvino)

With the `openvino_telemetry` package unimportable, the converter's modules fall back to their own no-op stub
(`openvino.tools.ovc.telemetry_stub`), so nothing is sent, whether or not a consent file exists. The `ovc` command,
a process of its own, gets `CI=true` in its environment instead (see compile_bench.py)."""
import sys

# Once the real package is loaded, the converter's modules already hold it: the stub would come too late.
if sys.modules.get("openvino_telemetry") is not None:
    raise ImportError("ov_no_telemetry is imported after openvino_telemetry was loaded: import it before openvino")
sys.modules["openvino_telemetry"] = None
