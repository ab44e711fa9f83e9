# Sourced by scripts/test after _venv.sh: install the npm test tools (axe-core, the Nu HTML
# Checker) from package-lock.json with `npm ci`, again only when the lock file changes.
# The site itself needs no npm package. Without npm the checks that need these tools skip
# (and fail in CI, where they are required).
if command -v npm >/dev/null; then
  npm_hash="$(sha256sum "$ROOT/package-lock.json" | cut -c1-16)"
  if [ ! -e "$ROOT/node_modules/.installed-$npm_hash" ]; then
    echo "Installing the npm test tools (npm ci)" >&2
    # --ignore-scripts: vnu-jar's install script would download a Java runtime; we use the system's.
    (cd "$ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
    touch "$ROOT/node_modules/.installed-$npm_hash"
  fi
else
  echo "npm not found: the accessibility and HTML checks will skip (apt-get install npm)" >&2
fi
