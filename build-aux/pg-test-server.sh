#!/bin/sh
# Starts and stops a throwaway PostgreSQL server for the tests: its own
# data directory in DIR, listening on 127.0.0.1 only, on the first free
# port from 54320, run by an unprivileged user. Not the Debian cluster.
#
#   sh build-aux/pg-test-server.sh start DIR   # prints nothing; writes DIR/env
#   . DIR/env                                  # PM_TEST_PG_HOST, _PORT, _USER,
#                                              # _PASSWORD and _URI
#   sh build-aux/pg-test-server.sh stop DIR    # stops it and deletes DIR
#   sh build-aux/pg-test-server.sh pause DIR   # stops it (pg_ctl stop -m fast),
#                                              # keeping DIR and its data
#   sh build-aux/pg-test-server.sh resume DIR  # starts it again, same port
#
# pause and resume are for tests of a server going away under a client
# (tests/store/test-store-disconnect.c): they start their own server for
# it, never the one every other test shares.
#
#   sh build-aux/pg-test-server.sh start DIR TLS_DIR
#     the same, with TLS: TLS_DIR holds server.crt and server.key (a test's
#     own, see tests/store/test-store-tls.c); they are copied into DIR and
#     connections over TCP must use TLS (hostssl), still with a password.
#
# DIR may exist (an empty directory, as mktemp -d makes) or not. Run as
# root, the server runs as the system user pilotmonitor-test (created if
# missing) and DIR is given to that user; otherwise it runs as the caller.
# Its superuser is pm_admin with a random password (DIR/password), needed
# over TCP (scram-sha-256); the socket in DIR trusts local users, and only
# the server's user and root can open DIR. The log is DIR/server.log.
set -eu

TEST_USER=pilotmonitor-test
SUPERUSER=pm_admin
FIRST_PORT=54320
LAST_PORT=54419
MARKER=.pilot-monitor-pg-test-server

die () {
  echo "pg-test-server: $*" >&2
  exit 1
}

usage () {
  echo "usage: sh $0 start DIR [TLS_DIR] | stop|pause|resume DIR" >&2
  exit 2
}

case "$#:${1:-}" in
  2:start | 2:stop | 2:pause | 2:resume | 3:start) ;;
  *) usage ;;
esac
action=$1
dir=$2
tls_dir=${3:-}
if [ -n "$tls_dir" ]; then
  [ -f "$tls_dir/server.crt" ] && [ -f "$tls_dir/server.key" ] ||
    die "no server.crt and server.key in $tls_dir"
fi
case "$dir" in
  "") usage ;;
  /*) ;;
  *) dir=$(pwd)/$dir ;;
esac
# The path goes into postgresql.conf between single quotes.
case "$dir" in
  *\'* | *\\* | *"
"*) die "unusable directory name: $dir" ;;
esac

# Runs a command as USER: through runuser when we are root, directly when
# we already are that user.
as_user () {
  user=$1; shift
  if [ "$(id -un)" = "$user" ]; then
    "$@"
  else
    runuser -u "$user" -- "$@"
  fi
}

pg_bindir () {
  # The newest installed major version, e.g. /usr/lib/postgresql/15/bin.
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n | tail -n 1)
  [ -n "$bindir" ] && [ -x "$bindir/initdb" ] && [ -x "$bindir/pg_ctl" ] ||
    die "no PostgreSQL server found under /usr/lib/postgresql (Debian package postgresql)"
  echo "$bindir"
}

show_log () {
  if [ -f "$dir/server.log" ]; then
    echo "pg-test-server: last lines of $dir/server.log:" >&2
    tail -n 20 "$dir/server.log" >&2
  fi
}

# TLS from TLS_DIR: the key must belong to the server's user and be
# readable by it only, or the server refuses it. Over TCP only TLS with a
# password is accepted; the socket in DIR still trusts local users.
setup_tls () {
  install -m 0644 "$tls_dir/server.crt" "$dir/data/server.crt"
  install -m 0600 "$tls_dir/server.key" "$dir/data/server.key"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$user:" "$dir/data/server.crt" "$dir/data/server.key"
  fi
  as_user "$user" sh -c 'cat >>"$1"' sh "$dir/data/postgresql.conf" <<EOF
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
EOF
  as_user "$user" sh -c 'cat >"$1"' sh "$dir/data/pg_hba.conf" <<EOF
# pilot-monitor test server with TLS (build-aux/pg-test-server.sh)
local    all  all                trust
hostssl  all  all  127.0.0.1/32  scram-sha-256
EOF
}

start () {
  bindir=$(pg_bindir)

  if [ "$(id -u)" -eq 0 ]; then
    user=$TEST_USER
    if ! id -u "$user" >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$user" ||
        die "could not create the system user $user"
    fi
  else
    user=$(id -un)
  fi

  if [ -e "$dir" ]; then
    [ -d "$dir" ] || die "$dir exists and is not a directory"
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
  else
    mkdir -p "$dir"
  fi
  : >"$dir/$MARKER"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R "$user:" "$dir"
  fi
  chmod 0700 "$dir"
  as_user "$user" test -w "$dir" ||
    die "$user cannot write to $dir (is a parent directory closed to it?)"

  # The socket path, DIR/.s.PGSQL.PORT, must fit in sun_path (108 bytes).
  [ ${#dir} -le 90 ] || die "directory path too long for a socket: $dir"

  # Hex: safe in the URI without escaping.
  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  [ ${#password} -eq 32 ] || die "could not read /dev/urandom"
  (umask 077 && printf '%s\n' "$password" >"$dir/password")
  if [ "$(id -u)" -eq 0 ]; then
    chown "$user:" "$dir/password"
  fi

  # The server's working directory and HOME: places the user can read.
  cd "$dir"
  as_user "$user" env HOME="$dir" LC_ALL=C.UTF-8 "$bindir/initdb" \
    --pgdata="$dir/data" --username="$SUPERUSER" --pwfile="$dir/password" \
    --auth-host=scram-sha-256 --auth-local=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-instructions \
    >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      die "initdb failed"
    }

  as_user "$user" sh -c 'cat >>"$1"' sh "$dir/data/postgresql.conf" <<EOF

# pilot-monitor test server (build-aux/pg-test-server.sh); port given by -p
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
lc_messages = 'C.UTF-8'
EOF

  if [ -n "$tls_dir" ]; then
    setup_tls
  fi

  # Try ports until the server binds one: the bind itself is the test, so
  # two servers started at once cannot take the same port.
  port=$FIRST_PORT
  while :; do
    lines=0
    if [ -f "$dir/server.log" ]; then
      lines=$(wc -l <"$dir/server.log")
    fi
    if as_user "$user" env HOME="$dir" "$bindir/pg_ctl" start --wait --timeout=60 \
        --pgdata="$dir/data" --log="$dir/server.log" --options="-p $port" \
        >/dev/null 2>"$dir/pg_ctl.err"; then
      break
    fi
    if tail -n "+$((lines + 1))" "$dir/server.log" 2>/dev/null |
        grep -q 'could not bind.*Address already in use'; then
      if [ "$port" -ge "$LAST_PORT" ]; then
        die "no free port between $FIRST_PORT and $LAST_PORT"
      fi
      port=$((port + 1))
      continue
    fi
    cat "$dir/pg_ctl.err" >&2
    show_log
    die "the server did not start"
  done
  rm -f "$dir/pg_ctl.err"

  # Ready over TCP, not only on the socket.
  tries=0
  until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres -t 5; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
      as_user "$user" "$bindir/pg_ctl" stop --pgdata="$dir/data" -m immediate >/dev/null 2>&1 || :
      show_log
      die "the server does not accept connections on 127.0.0.1:$port"
    fi
    sleep 1
  done

  umask 077
  cat >"$dir/env.tmp" <<EOF
PM_TEST_PG_HOST=127.0.0.1
PM_TEST_PG_PORT=$port
PM_TEST_PG_USER=$SUPERUSER
PM_TEST_PG_PASSWORD=$password
PM_TEST_PG_URI=postgresql://$SUPERUSER:$password@127.0.0.1:$port/postgres
EOF
  mv "$dir/env.tmp" "$dir/env"
}

postmaster_alive () {
  [ -r "/proc/$1/stat" ] || return 1
  [ "$(cat "/proc/$1/comm" 2>/dev/null)" = postgres ] || return 1
  # /proc/PID/stat: "PID (postgres) STATE ...".
  state=$(sed 's/^.*) \(.\).*$/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
  [ "$state" != Z ]
}

stop () {
  [ -d "$dir" ] || return 0
  # Never delete a directory this script did not make.
  [ -f "$dir/$MARKER" ] || die "$dir was not made by pg-test-server.sh; left alone"

  if [ -f "$dir/data/postmaster.pid" ]; then
    bindir=$(pg_bindir)
    owner=$(stat -c %U "$dir/data")
    pid=$(head -n 1 "$dir/data/postmaster.pid")
    cd "$dir"
    if ! as_user "$owner" "$bindir/pg_ctl" stop --pgdata="$dir/data" -m fast \
        --wait --timeout=60 >/dev/null 2>&1; then
      as_user "$owner" "$bindir/pg_ctl" stop --pgdata="$dir/data" -m immediate \
        --wait --timeout=30 >/dev/null 2>&1 || :
    fi
    cd /
    if as_user "$owner" "$bindir/pg_ctl" status --pgdata="$dir/data" >/dev/null 2>&1; then
      die "the server in $dir/data is still running; not deleting it"
    fi
    # pg_ctl returns when the pid file is gone, a moment before the
    # postmaster itself exits (a zombie left for its parent counts as gone).
    tries=0
    while [ -n "$pid" ] && [ "$tries" -lt 50 ] && postmaster_alive "$pid"; do
      sleep 0.2
      tries=$((tries + 1))
    done
  fi
  rm -rf "$dir"
}

# The server in DIR, made by start: its owner, and the port it was given.
read_server () {
  [ -f "$dir/$MARKER" ] || die "$dir was not made by pg-test-server.sh"
  [ -f "$dir/env" ] || die "$dir/env is missing: was the server started?"
  bindir=$(pg_bindir)
  owner=$(stat -c %U "$dir/data")
  port=$(sed -n 's/^PM_TEST_PG_PORT=//p' "$dir/env")
  [ -n "$port" ] || die "no port in $dir/env"
}

pause () {
  read_server
  cd "$dir"
  as_user "$owner" "$bindir/pg_ctl" stop --pgdata="$dir/data" -m fast \
    --wait --timeout=60 >/dev/null || die "the server in $dir did not stop"
}

resume () {
  read_server
  cd "$dir"
  as_user "$owner" env HOME="$dir" "$bindir/pg_ctl" start --wait --timeout=60 \
    --pgdata="$dir/data" --log="$dir/server.log" --options="-p $port" \
    >/dev/null || { show_log; die "the server in $dir did not start again"; }
  tries=0
  until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres -t 5; do
    tries=$((tries + 1))
    [ "$tries" -lt 30 ] || { show_log; die "the server does not accept connections again"; }
    sleep 1
  done
}

case "$action" in
  start) start ;;
  stop) stop ;;
  pause) pause ;;
  resume) resume ;;
  *) usage ;;
esac
