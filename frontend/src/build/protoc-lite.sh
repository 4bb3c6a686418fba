#!/usr/bin/env bash
# protoc for protobuf-maven-plugin (its protocExecutable), writing Java *lite* code: the plugin (0.6.1, the last
# release) cannot pass protoc's `--java_out=lite:` and protoc ignores `optimize_for = LITE_RUNTIME` for Java, so this
# adds `lite:` to the Java output option. protoc itself is the Maven artifact maven-dependency-plugin copied beside.
# Why lite: the full runtime builds onnx.proto's descriptors at start-up, 10-15 ms of every small compile.
set -euo pipefail
protoc="$(cd "$(dirname "$0")/../.." && pwd)/target/protoc/protoc.exe"
chmod u+x "$protoc" # Maven copies the artifact without its execute bit
args=()
for a in "$@"; do
  case "$a" in
    --java_out=*) args+=("--java_out=lite:${a#--java_out=}") ;;
    *) args+=("$a") ;;
  esac
done
exec "$protoc" "${args[@]}"
