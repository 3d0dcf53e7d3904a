#!/bin/sh
# PgBouncer in transaction pooling mode in front of PostgreSQL, for the API's request pools (DATABASE_APP_URL).
# Writes pgbouncer.ini and the auth file from the environment, then runs PgBouncer in the foreground.
# Used by docker-compose.yml (image target `pgbouncer`) and by the API's tests (test/support/pgbouncer.ts), so
# the configuration we ship is the one the tests prove. See docs/scaling.md.
#
#   POSTGRES_HOST, POSTGRES_PORT (5432), POSTGRES_DB     the PostgreSQL server and database behind it
#   APP_ROLE (leerwinkel_app), DATABASE_APP_PASSWORD     the API's runtime role: the only login it accepts
#   STATEMENT_TIMEOUT_MS (15000)                         = the API's DATABASE_STATEMENT_TIMEOUT_MS (the API sends
#                                                          no startup parameters through a pooler)
#   DEFAULT_POOL_SIZE (20)                               server connections: size for the database server
#   MAX_CLIENT_CONN (1000), LISTEN_ADDR (0.0.0.0), LISTEN_PORT (6432), CONFIG_DIR (/etc/pgbouncer)
set -eu
PATH="$PATH:/usr/sbin"

: "${POSTGRES_HOST:?set POSTGRES_HOST}"
: "${POSTGRES_DB:?set POSTGRES_DB}"
: "${DATABASE_APP_PASSWORD:?set DATABASE_APP_PASSWORD}"
POSTGRES_PORT="${POSTGRES_PORT:-5432}"
APP_ROLE="${APP_ROLE:-leerwinkel_app}"
STATEMENT_TIMEOUT_MS="${STATEMENT_TIMEOUT_MS:-15000}"
DEFAULT_POOL_SIZE="${DEFAULT_POOL_SIZE:-20}"
MAX_CLIENT_CONN="${MAX_CLIENT_CONN:-1000}"
LISTEN_ADDR="${LISTEN_ADDR:-0.0.0.0}"
LISTEN_PORT="${LISTEN_PORT:-6432}"
CONFIG_DIR="${CONFIG_DIR:-/etc/pgbouncer}"

case "$STATEMENT_TIMEOUT_MS$DEFAULT_POOL_SIZE$MAX_CLIENT_CONN$LISTEN_PORT$POSTGRES_PORT" in
  *[!0-9]*) echo "STATEMENT_TIMEOUT_MS, DEFAULT_POOL_SIZE, MAX_CLIENT_CONN and the ports must be numbers" >&2; exit 2 ;;
esac
for name in "$APP_ROLE" "$POSTGRES_DB"; do
  case "$name" in
    *[!a-z0-9_]* | "") echo "APP_ROLE and POSTGRES_DB must be lower-case identifiers: $name" >&2; exit 2 ;;
  esac
done

# The auth file holds the password in plain text (quotes doubled), so PgBouncer can log in to PostgreSQL with
# SCRAM as the same role; it is readable by PgBouncer's user only.
umask 077
mkdir -p "$CONFIG_DIR"
printf '"%s" "%s"\n' "$APP_ROLE" "$(printf '%s' "$DATABASE_APP_PASSWORD" | sed 's/"/""/g')" > "$CONFIG_DIR/userlist.txt"
cat > "$CONFIG_DIR/pgbouncer.ini" <<INI
[databases]
$POSTGRES_DB = host=$POSTGRES_HOST port=$POSTGRES_PORT dbname=$POSTGRES_DB connect_query='SET statement_timeout = $STATEMENT_TIMEOUT_MS'

[pgbouncer]
listen_addr = $LISTEN_ADDR
listen_port = $LISTEN_PORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $CONFIG_DIR/userlist.txt
stats_users = $APP_ROLE
pool_mode = transaction
default_pool_size = $DEFAULT_POOL_SIZE
max_client_conn = $MAX_CLIENT_CONN
log_connections = 0
log_disconnections = 0
INI

# PgBouncer refuses to run as root: drop to an unprivileged user that owns the configuration.
if [ "$(id -u)" = 0 ]; then
  RUN_AS="${RUN_AS:-nobody}"
  chown -R "$RUN_AS" "$CONFIG_DIR"
  exec pgbouncer -u "$RUN_AS" "$CONFIG_DIR/pgbouncer.ini"
fi
exec pgbouncer "$CONFIG_DIR/pgbouncer.ini"
