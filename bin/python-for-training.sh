# Sourced by bin/train-stance-model and analyze/training/run-tests: sets PYTHON to a Python 3 that
# has PyTorch and ONNX. Debian's python3-torch and python3-onnx live in /usr/bin/python3's
# dist-packages, which a pyenv or venv python on the PATH does not see, so that one is tried first.

select_training_python() {
  local candidate
  for candidate in "${PYTHON:-}" /usr/bin/python3 "$(command -v python3 2>/dev/null)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if "$candidate" -c 'import torch, onnx, numpy' >/dev/null 2>&1; then
      export PYTHON="$candidate"
      return 0
    fi
  done
  return 1
}

training_python_help() {
  cat >&2 <<'HELP'
The stance model's training recipe needs Python 3 with PyTorch, ONNX and NumPy. On Debian or Ubuntu:
  sudo apt-get install python3-torch python3-onnx python3-numpy libopenblas0-pthread
(libopenblas0-pthread matters: without it PyTorch falls back to a reference BLAS about 25x slower.)
Or set PYTHON to an interpreter that has them.
HELP
}
