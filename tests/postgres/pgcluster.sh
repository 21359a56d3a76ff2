#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests labelled postgres (a CTest fixture: one
# cluster per ctest run, a fresh database per test server, see tests/integration/testserver.cpp).
#
#   pgcluster.sh start STATE   initdb + pg_ctl start on a free loopback port; writes
#                              STATE (the cluster's folder and its URL, shell variables)
#   pgcluster.sh start STATE durable   the same with synchronous commits (PostgreSQL's
#                              default) and the WAL writer slowed to its 10 s maximum, so
#                              that what was committed without waiting for the flush stays
#                              unwritten until something flushes it
#   pgcluster.sh crash STATE   stops PostgreSQL at once (-m immediate: its WAL buffers are
#                              lost, as in a crash) and starts it again on the same port
#   pgcluster.sh stop STATE    stops the cluster and deletes its folder
#
# initdb refuses to run as root: as root the cluster belongs to the user postgres, in a
# folder of its own. Durability is off (fsync, full_page_writes): nothing here must survive
# a crash of the machine, and the tests that kill a server kill the server, not PostgreSQL;
# a durable cluster still writes every flushed commit to the OS, which a crash of PostgreSQL
# alone does not lose.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
action="${1:-}" state="${2:-}" mode="${3:-}"
[ -n "$state" ] || { echo "usage: $0 start|crash|stop STATEFILE [durable]" >&2; exit 2; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
    [ -x "$bin/initdb" ] || { echo "pgcluster: $bin/initdb missing (apt-get install postgresql-15)" >&2; exit 1; }
    [ -f "$state" ] && "$0" stop "$state" || true
    dir="$(mktemp -d /tmp/linecard-pg.XXXXXX)"
    chmod 0755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    commits="-c synchronous_commit=off"
    [ "$mode" = durable ] && commits="-c synchronous_commit=on -c wal_writer_delay=10s"
    # A free port: PostgreSQL refuses a taken one, so try a few random ones.
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$((20000 + RANDOM % 40000))
        opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir \
             -c fsync=off -c full_page_writes=off $commits \
             -c max_connections=200 -c shared_buffers=64MB"
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
            "$opts" >/dev/null 2>&1; then
            printf 'PG_DIR=%s\nPG_URL=postgresql://postgres@127.0.0.1:%s/postgres\nPG_OPTS="%s"\n' \
                "$dir" "$port" "$(echo $opts)" >"$state"
            echo "pgcluster: PostgreSQL 15 on 127.0.0.1:$port ($dir)"
            exit 0
        fi
        echo "pgcluster: port $port: attempt $attempt failed" >&2
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
crash)
    # shellcheck disable=SC1090 # written by start
    . "$state"
    as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null
    as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start -o "$PG_OPTS" \
        >/dev/null
    echo "pgcluster: crashed and started again"
    ;;
stop)
    [ -f "$state" ] || exit 0
    # shellcheck disable=SC1090 # written by start
    . "$state"
    as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR" "$state"
    echo "pgcluster: stopped"
    ;;
*)
    echo "usage: $0 start|crash|stop STATEFILE [durable]" >&2
    exit 2
    ;;
esac
