"""Emit racetrace events natively from Python (docs/event-contract.md), no library needed.

    RACETRACE_LOG=export.log python3 racetrace_events.py out/report.csv

Each event is one JSON line written with a single os.write() on a file opened O_APPEND, so
concurrent processes never interleave their lines.
"""
import itertools
import json
import os
import socket
import sys
import tempfile
import time
import uuid

_seq = itertools.count()  # per process: 0, 1, 2, ...
_host = socket.gethostname()
CORRELATION_ID = os.environ.get("RACETRACE_CORRELATION_ID") or (
    time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + str(uuid.uuid4())
)
os.environ["RACETRACE_CORRELATION_ID"] = CORRELATION_ID  # child processes join this export


def emit(event, **fields):
    """Writes one racetrace event; `fields` use the contract's names (tempPath, attempt, ...)."""
    failed = event == "rename.failure" or (event == "export.end" and fields.get("status") != "ok")
    record = {
        "level": 40 if failed else 30,
        "time": time.time_ns() / 1e6,  # epoch milliseconds, sub-millisecond fraction kept
        "pid": os.getpid(),
        "hostname": _host,
        "correlationId": CORRELATION_ID,
        "seq": next(_seq),
        "event": event,
        **fields,
        "msg": event,
    }
    line = (json.dumps(record, separators=(",", ":")) + "\n").encode("utf-8")
    path = os.environ.get("RACETRACE_LOG")
    if path is None:
        sys.stdout.buffer.write(line)
        sys.stdout.buffer.flush()
        return
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def export(target, data):
    """Writes `data` to `target` through a unique temp file in the same folder."""
    started = time.monotonic()
    emit("export.start")
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target) or ".", prefix=".export-")
    emit("temp.create", tempPath=tmp, targetPath=target)
    with os.fdopen(fd, "w") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    emit("rename.attempt", tempPath=tmp, targetPath=target, attempt=1)
    try:
        os.replace(tmp, target)
    except OSError as error:
        import errno
        emit("rename.failure", tempPath=tmp, targetPath=target, attempt=1,
             errorCode=errno.errorcode.get(error.errno, "EUNKNOWN"), errorMessage=str(error), willRetry=False)
        emit("export.end", status="failed", durationMs=(time.monotonic() - started) * 1000)
        raise
    emit("rename.success", tempPath=tmp, targetPath=target, attempt=1)
    emit("export.end", status="ok", durationMs=(time.monotonic() - started) * 1000)


if __name__ == "__main__":
    export(sys.argv[1], "id,total\n1,42\n")
