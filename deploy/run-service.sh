#!/bin/sh
# The image's entrypoint: `run-service.sh NAME` runs one service in the foreground as PID 1,
# so SIGTERM reaches its graceful shutdown (platform/src/run-service.ts).
# Compose secrets arrive as files in /run/secrets: each file becomes the environment variable
# of its upper-cased name (assertion_secret → ASSERTION_SECRET) unless that is already set.
set -eu
if [ -d /run/secrets ]; then
  for file in /run/secrets/*; do
    [ -f "$file" ] || continue
    name=$(basename "$file" | tr '[:lower:]-' '[:upper:]_')
    case "$name" in *[!A-Z0-9_]*) continue ;; esac
    if [ -z "$(printenv "$name" || true)" ]; then
      export "$name=$(cat "$file")"
    fi
  done
fi
case "${1:-}" in
  gateway) dir=gateway ;;
  users | emotions | stories | companion) dir="subgraphs/$1" ;;
  *)
    echo "run-service.sh: name a service: gateway, users, emotions, stories or companion (got '${1:-}')" >&2
    exit 64
    ;;
esac
cd "/app/$dir"
exec node --import tsx src/main.ts
