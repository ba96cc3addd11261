#!/bin/sh
# `npm run db:generate`: writes the Prisma client of each provider (src/generated/sqlite and
# src/generated/postgresql). Both are always there, so that one build runs on either database.
set -eu
PRISMA_PROVIDER=sqlite npx prisma generate
PRISMA_PROVIDER=postgresql npx prisma generate
