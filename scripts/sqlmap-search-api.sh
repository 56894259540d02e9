#!/usr/bin/env bash
# Attacks the search API with sqlmap (Debian's package): every JSON body parameter of POST /api/v1/children/search,
# as the demo system client, at level 3 and risk 2, against PostgreSQL. Run by hand, not by `npm test`:
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/dev scripts/sqlmap-search-api.sh
#
# It makes a database of its own (`<DATABASE_URL's name>_sqlmap`, dropped and made again), seeds 2,000 synthetic
# children and the demo accounts, serves the built app (`npx next build` first if .next is missing) on SQLMAP_PORT
# (3499), and afterwards checks that the children are all still there and the audit trail's hash chains are unbroken.
# sqlmap's log and its verdict go to .data/sqlmap/; the result is recorded in docs/security.md ("SQL injection").
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?Set DATABASE_URL to a PostgreSQL server this script may make a database on}"
PORT="${SQLMAP_PORT:-3499}"
LEVEL="${SQLMAP_LEVEL:-3}"
RISK="${SQLMAP_RISK:-2}"
OUT="$PWD/.data/sqlmap"

if ! command -v sqlmap >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y sqlmap; else echo 'Install sqlmap first: sudo apt-get install -y sqlmap' >&2; exit 2; fi
fi
[ -f .next/BUILD_ID ] || npx next build

# A database of its own, from the maintenance database of the same server.
base="${DATABASE_URL%%\?*}"
name="${base##*/}_sqlmap"
server="${base%/*}"
psql "$server/postgres" -qc "drop database if exists \"$name\" with (force)" -c "create database \"$name\""
export DATABASE_URL="$server/$name"
npm run -s db:migrate
npm run -s db:seed -- --children 2000 --seed 11 >/dev/null
children_before=$(psql "$DATABASE_URL" -Atc 'select count(*) from children')

export NODE_ENV=production AUTH_SECRET=sqlmap-only-secret-sqlmap-only-secret-00 APP_URL="http://localhost:$PORT" AUTH_TRUST_HOST=true
rm -rf "$OUT" && mkdir -p "$OUT"
# Not through npx: $! must be the server itself, or stopping it below would leave the server running.
if curl -fs "http://localhost:$PORT/api/health" >/dev/null; then echo "Something already answers on port $PORT: stop it or set SQLMAP_PORT" >&2; exit 2; fi
node_modules/.bin/next start -p "$PORT" >"$OUT/server.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -fs "http://localhost:$PORT/api/health" >/dev/null && break; sleep 1; done

key=$(npm run -s cli -- api-key)
# Two searches, since each takes its own path through the code: by name with a date of birth and a postcode, and by a
# real child's index number. sqlmap tests each JSON value in turn, leaving the others as they are.
index_number=$(psql "$DATABASE_URL" -Atc "select index_number from children where status = 'live' order by index_number limit 1")
bodies=(
  '{"reason":"working_with_child","familyName":"Smith","givenName":"Jo","dateOfBirth":"2015-03-04","postcode":"LS6 2AB","gender":"female","reasonDetail":"checking"}'
  "{\"reason\":\"other\",\"reasonDetail\":\"checking\",\"indexNumber\":\"$index_number\"}"
)
: >"$OUT/sqlmap.log"
for body in "${bodies[@]}"; do
  set -x
  sqlmap --batch --flush-session --disable-coloring --output-dir="$OUT" \
    -u "http://localhost:$PORT/api/v1/children/search" --method=POST --data="$body" \
    --headers="Authorization: Bearer $key
Content-Type: application/json" \
    --dbms=PostgreSQL --level="$LEVEL" --risk="$RISK" --threads=2 \
    2>&1 | tee -a "$OUT/sqlmap.log"
  { set +x; } 2>/dev/null
done

children_after=$(psql "$DATABASE_URL" -Atc 'select count(*) from children')
searches=$(psql "$DATABASE_URL" -Atc "select count(*) from audit_events where action = 'child.search'")
npm run -s cli -- audit verify | tee "$OUT/audit-verify.log"
{
  echo "sqlmap $(sqlmap --version 2>/dev/null | head -1), level $LEVEL, risk $RISK, $(date -u +%Y-%m-%dT%H:%MZ)"
  grep -E "parameter '.*' (does not seem to be|is|appears to be) .*injectable|do not appear to be injectable|identified the following injection|HTTP error codes|^[0-9]{3} \(" "$OUT/sqlmap.log" | sed 's/^\[[0-9:]*\] //' || true
  echo "children before: $children_before, after: $children_after; audited searches: $searches"
} | tee "$OUT/verdict.txt"
[ "$children_before" = "$children_after" ] && ! grep -qE 'is vulnerable|identified the following injection' "$OUT/sqlmap.log"
