#!/bin/sh
# Writes a new migration from the difference between the committed schema (HEAD) and the schema
# in the working tree:  npm run db:migration -- <name>
#
# `prisma migrate dev` needs a shadow database, which Prisma's JavaScript engine cannot create, so
# the migration is computed by `prisma migrate diff` between two schema folders instead.
set -eu

name="${1:-}"
case "$name" in
  "" | *[!a-z0-9_]*) echo "usage: npm run db:migration -- <name in lower_snake_case>" >&2; exit 64 ;;
esac

root="$(git rev-parse --show-toplevel)"
previous="$(mktemp -d)"
trap 'rm -rf "$previous"' EXIT

if git -C "$root" cat-file -e HEAD:prisma/schema 2>/dev/null; then
  git -C "$root" archive HEAD prisma/schema | tar -x -C "$previous"
  from="--from-schema-datamodel $previous/prisma/schema"
else
  from="--from-empty"
fi

folder="$root/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$folder"
# shellcheck disable=SC2086
npx prisma migrate diff $from --to-schema-datamodel "$root/prisma/schema" --script > "$folder/migration.sql"

if ! grep -q '[A-Z]' "$folder/migration.sql"; then
  rm -rf "$folder"
  echo "The schema has not changed since HEAD: no migration written." >&2
  exit 1
fi
echo "Wrote $folder/migration.sql; check it, then commit it with the schema."
