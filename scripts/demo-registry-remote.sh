#!/usr/bin/env bash
# Creates (or brings up to date) the local git repository the demo portal's templates use as the
# service registry "remote": a bare repository whose `main` branch holds examples/registry.
#
#   scripts/demo-registry-remote.sh            create it, or add a commit to main when
#                                              examples/registry changed; branches pushed by
#                                              template runs are kept
#   scripts/demo-registry-remote.sh --reset    start over from examples/registry (drops branches)
#
# Location: .toolchain/demo-registry.git (git-ignored), or $SERVICE_REGISTRY_DEMO_REMOTE. The
# app-config points scaffolder.serviceRegistry.registryUrl and localRepositories at it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SOURCE="$ROOT/examples/registry"
TARGET="${SERVICE_REGISTRY_DEMO_REMOTE:-$ROOT/.toolchain/demo-registry.git}"

export GIT_AUTHOR_NAME="Service registry demo" GIT_AUTHOR_EMAIL="demo@example.com"
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
export GIT_CONFIG_NOSYSTEM=1

if [ "${1:-}" = "--reset" ]; then
  rm -rf "$TARGET"
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--reset]" >&2
  exit 2
fi

if [ ! -d "$TARGET" ]; then
  mkdir -p "$(dirname "$TARGET")"
  git init --quiet --bare --initial-branch=main "$TARGET"
fi

# The tree of examples/registry, written with a throw-away index (the checkout is never touched).
index="$(mktemp)"
trap 'rm -f "$index"' EXIT
rm -f "$index"
tree="$(GIT_INDEX_FILE="$index" git --git-dir="$TARGET" --work-tree="$SOURCE" add --all . &&
  GIT_INDEX_FILE="$index" git --git-dir="$TARGET" write-tree)"

if parent="$(git --git-dir="$TARGET" rev-parse --verify --quiet refs/heads/main)"; then
  if [ "$(git --git-dir="$TARGET" rev-parse "$parent^{tree}")" = "$tree" ]; then
    exit 0
  fi
  commit="$(git --git-dir="$TARGET" commit-tree "$tree" -p "$parent" -m "Sync with examples/registry")"
else
  commit="$(git --git-dir="$TARGET" commit-tree "$tree" -m "Service registry (from examples/registry)")"
fi
git --git-dir="$TARGET" update-ref refs/heads/main "$commit"
git --git-dir="$TARGET" symbolic-ref HEAD refs/heads/main
echo "demo registry remote: $TARGET (main at ${commit:0:12})" >&2
