#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service,
# so tests (and a developer trying `keys set`) use a real OS keychain on a headless Linux box
# without touching the user's own keyring.
#
#   bash scripts/with-keychain.sh npx vitest run gateway/secrets
#
# The command sees PRIVACY_ROUTER_KEYCHAIN_AVAILABLE=1 when the keyring came up and =0 when it
# could not (the tools are missing or the daemon never claimed its bus name); it runs either way
# so that keychain tests can decide for themselves whether to skip or fail.
set -u

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keychain.sh COMMAND [ARGUMENT...]" >&2
  exit 2
fi

missing=""
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  echo "with-keychain: no keychain (missing:$missing; apt-get install -y --no-install-recommends dbus gnome-keyring); running without one" >&2
  PRIVACY_ROUTER_KEYCHAIN_AVAILABLE=0 "$@"
  exit $?
fi

# A throwaway home for the keyring: the daemon writes its keyring files under XDG_DATA_HOME and
# its control socket under XDG_RUNTIME_DIR, which it refuses unless only we can read it.
scratch="$(mktemp -d "${TMPDIR:-/tmp}/privacy-router-keychain.XXXXXX")" || exit 1
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/data" "$scratch/runtime" "$scratch/cache"
chmod 700 "$scratch" "$scratch/runtime"
export XDG_DATA_HOME="$scratch/data"
export XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_CACHE_HOME="$scratch/cache"
export WITH_KEYCHAIN_LOG="$scratch/gnome-keyring-daemon.log"

# Runs inside the private bus. The daemon stays in the foreground as our own child (the
# daemonizing form sometimes outlives the session), so we can always kill it and wait for it.
inside_session='
  keyring_password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d " \n")"
  printf %s "$keyring_password" | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >/dev/null 2>"$WITH_KEYCHAIN_LOG" &
  daemon_pid=$!
  unset keyring_password
  stop_daemon() {
    kill "$daemon_pid" 2>/dev/null
    wait "$daemon_pid" 2>/dev/null
  }
  trap stop_daemon EXIT

  secrets_have_owner() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"
  }

  # Bounded wait: about ten seconds, and no longer than the daemon lives.
  available=0
  for attempt in $(seq 1 100); do
    if secrets_have_owner; then available=1; break; fi
    kill -0 "$daemon_pid" 2>/dev/null || break
    sleep 0.1
  done

  if [ "$available" = 1 ]; then
    PRIVACY_ROUTER_KEYCHAIN_AVAILABLE=1 "$@"
  else
    reason="$(tail -n 1 "$WITH_KEYCHAIN_LOG" 2>/dev/null)"
    echo "with-keychain: gnome-keyring did not start a Secret Service${reason:+ ($reason)}; running without a keychain" >&2
    PRIVACY_ROUTER_KEYCHAIN_AVAILABLE=0 "$@"
  fi
'

dbus-run-session -- bash -c "$inside_session" with-keychain "$@"
exit $?
