# Sourced by the scripts in this folder: make sure .venv exists and holds the
# project with the extras named in $TL_EXTRAS, reinstalling only when the
# packaging files change. Works on a fresh machine with nothing but python3.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${TL_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"
# WeasyPrint (printable documents) needs Pango and HarfBuzz from the system.
# (grep reads the whole list: `ldconfig -p | grep -q` can end in SIGPIPE, which pipefail reports as missing.)
libs="$(ldconfig -p)"
if ! grep -q 'libpangoft2-1.0.so.0' <<<"$libs" || ! grep -q 'libharfbuzz-subset.so.0' <<<"$libs"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Pango and HarfBuzz for WeasyPrint (apt-get)" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >&2
  else
    echo "WeasyPrint needs Pango and HarfBuzz: install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" >&2
    exit 1
  fi
fi
# One stamp per installed extra, named after the packaging files' hash: `scripts/site`
# after `scripts/test` finds "site" already installed and does not reinstall.
hash="$(cat "$ROOT/pyproject.toml" "$ROOT/constraints.txt" | sha256sum | cut -c1-16)"
missing=""
for extra in ${TL_EXTRAS//,/ }; do
  [ -e "$VENV/.installed-$hash-$extra" ] || missing="yes"
done
if [ ! -x "$VENV/bin/python" ]; then
  echo "Creating virtual environment in $VENV" >&2
  "$PY" -m venv "$VENV"
fi
if [ -n "$missing" ]; then
  echo "Installing the toolkit and its dependencies ($TL_EXTRAS)" >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -c "$ROOT/constraints.txt" --upgrade pip >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -c "$ROOT/constraints.txt" -e "$ROOT[$TL_EXTRAS]" >&2
  find "$VENV" -maxdepth 1 -name '.installed-*' ! -name ".installed-$hash-*" -delete
  for extra in ${TL_EXTRAS//,/ }; do touch "$VENV/.installed-$hash-$extra"; done
fi
export PATH="$VENV/bin:$PATH"
export NO_MKDOCS_2_WARNING=1  # we pin MkDocs below 2 on purpose; see README
cd "$ROOT"
