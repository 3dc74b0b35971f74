#!/usr/bin/env bash
# Adds or removes a migration in both providers' migrations projects (ADR 0002), run from anywhere in the checkout:
#   tools/migrations.sh add <Name>   scaffold <Name> for SQLite and PostgreSQL from the current model
#   tools/migrations.sh remove       drop the last, not yet merged migration of both (never one that was deployed)
# The node is the startup project: dotnet ef builds its context with the design-time factories in
# Common/Persistence/ProviderContexts.cs and writes the files into src/Senningen.Node.Migrations.<Provider>. Plain
# `dotnet ef migrations add` would leave two lines per file there that do not compile (this script removes them).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: tools/migrations.sh add <Name> | remove" >&2; exit 2; }
command=${1:-}
case "$command" in
  add) name=${2:-}; [ -n "$name" ] || usage ;;
  remove) ;;
  *) usage ;;
esac

dotnet tool restore >/dev/null
# One build for both providers; dotnet ef would otherwise build the node once per call.
dotnet build src/Senningen.Node --nologo --verbosity quiet

for provider in Sqlite Postgres; do
  project=src/Senningen.Node.Migrations.$provider
  args=(--project "$project" --startup-project src/Senningen.Node --context "${provider}SenningenDbContext" --no-build)
  if [ "$command" = add ]; then
    dotnet ef migrations add "$name" "${args[@]}"
  else
    # --force: the design-time connection points at no real database, so "was it applied?" cannot be asked.
    dotnet ef migrations remove --force "${args[@]}"
  fi
  # The migrations project cannot see the node (the node references it): drop the [DbContext] attribute and the using
  # that dotnet ef writes for the context type. The node finds the migrations without them (ProviderMigrationsAssembly).
  sed -i -e '/^[[:space:]]*\[DbContext(typeof([[:alnum:]_.]*))\][[:space:]]*$/d' -e '/^using Senningen\.Node\.[[:alnum:]_.]*;[[:space:]]*$/d' \
    "$project"/*.cs
done

if [ "$command" = add ]; then
  echo "Now read both new migrations: EF does not know the hand-written objects of ADR 0002 (SQLite's anpr_read_runs and"
  echo "anpr_read_terms, PostgreSQL's partitioned anpr_reads); a change touching them needs SQL written by hand."
fi
