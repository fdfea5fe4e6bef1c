#!/bin/sh
# A minimal exporter written as a shell script, instrumented with `racetrace emit` (docs/ecosystem.md).
# Usage: export.sh TARGET [naive|safe]
#   naive: writes through a fixed temp name next to the target, the bug racetrace finds when two
#          runs overlap; safe: a unique temp name from mktemp in the target's folder.
# Set RACETRACE_LOG to append the events to a log file (default: stdout);
# EXPORT_WRITE_SECONDS is how long "writing the data" takes (default 0).
set -eu
target=$1
mode=${2:-safe}

# One correlation ID for every event of this run, also seen by child processes.
: "${RACETRACE_CORRELATION_ID:=$(date -u +%Y%m%dT%H%M%SZ)-$$-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')}"
export RACETRACE_CORRELATION_ID

emit() {
  # --pid $$: the script is the exporter process, whatever runs `racetrace` in between.
  if [ -n "${RACETRACE_LOG:-}" ]; then racetrace emit "$@" --pid $$ --log "$RACETRACE_LOG"
  else racetrace emit "$@" --pid $$; fi
}

emit export.start
if [ "$mode" = naive ]; then
  tmp="$(dirname "$target")/export.tmp"
  : > "$tmp"
else
  tmp=$(mktemp "$(dirname "$target")/.export.XXXXXX")
fi
emit temp.create --temp "$tmp" --target "$target"
printf 'id,total\n1,42\n' > "$tmp"
sleep "${EXPORT_WRITE_SECONDS:-0}"

emit rename.attempt --temp "$tmp" --target "$target" --attempt 1
if error=$(mv -f "$tmp" "$target" 2>&1); then
  emit rename.success --temp "$tmp" --target "$target" --attempt 1
  emit export.end --status ok
else
  case $error in
    *'No such file'*) code=ENOENT ;;
    *'Permission denied'*) code=EACCES ;;
    *) code=EMV ;;
  esac
  emit rename.failure --temp "$tmp" --target "$target" --attempt 1 \
    --error-code "$code" --error-message "$error" --no-will-retry
  emit export.end --status failed
  exit 1
fi
