# Sourced by the run*.sh scripts: create benches/peers/.venv (git-ignored)
# on first use with Python >= 3.11 ($PYTHON if set), and set `vpy` to its
# interpreter. Expects `venv` and `script` (the caller's name, for errors).

pick_python() {
    local cand
    for cand in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
        [ -n "$cand" ] || continue
        command -v "$cand" >/dev/null 2>&1 || continue
        if "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$cand"
            return 0
        fi
    done
    echo "$script: need Python >= 3.11 (camel-tools 1.6.0 and python-dateutil 4.0.0 require it); set PYTHON" >&2
    return 1
}

if [ ! -x "$venv/bin/python" ]; then
    py="$(pick_python)"
    echo "==> creating $venv with $("$py" --version 2>&1)" >&2
    "$py" -m venv "$venv"
fi
vpy="$venv/bin/python"
