#!/usr/bin/python3
"""Sweep many domains on a Dask cluster: JSON Lines files in, the answer lines of `mta-sts-lint --batch` out.

The input files are cut into blocks at line ends (dask.bytes.read_bytes); each block is one partition, streamed through
its own `mta-sts-lint --batch` process on a worker (no state is shared between them). A block's answers count its own
lines; once every block's line count is known (a few integers, not data), each block's answers are renumbered so that
"line" is the line number in the files taken one after another: the answers are byte for byte those of one process,

    cat FILE... | mta-sts-lint --batch

(each file's last line counts as a whole line even without a final newline). The result is a Dask bag of answer lines
(str, without the newline), in input order: one per non-blank input line, joined back by "line" (and "domain").

As a module (any Dask cluster; `mta-sts-lint` must be on every worker's PATH, or give `program`):

    from distributed import Client
    import dask_sweep
    with Client("tcp://scheduler:8786"):
        answers = dask_sweep.sweep(["/data/domains-*.jsonl"], program="/usr/local/bin/mta-sts-lint")
        dask_sweep.write_dir(answers, "/data/verdicts")        # one file per partition, written by the workers
        invalid = answers.map(json.loads).filter(lambda a: not a.get("valid")).pluck("domain", None)

As a command (starts a LocalCluster of N worker processes on 127.0.0.1 unless --scheduler is given):

    /usr/bin/python3 contrib/dask_sweep.py --workers 4 domains.jsonl > verdicts.jsonl
    /usr/bin/python3 contrib/dask_sweep.py --scheduler tcp://10.0.0.1:8786 --output-dir /data/verdicts /data/part-*.jsonl

Needs Debian's python3-dask and python3-distributed (run it with /usr/bin/python3). No network beyond the cluster's own.
"""

import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile

import dask
import dask.bag as db
from dask.bytes import read_bytes

__all__ = ["sweep", "write", "write_dir", "count_lines"]

_LINE = re.compile(rb'^\{"line":(\d+)', re.M)


def count_lines(block):
    """Lines in a block as `mta-sts-lint --batch` counts them: every "\\n", plus a last line without one."""
    n = block.count(b"\n")
    return n + 1 if block and not block.endswith(b"\n") else n


def _run_block(block, program, verbose):
    """One partition through one `mta-sts-lint --batch`: (lines in the block, its answers as bytes)."""
    if block and not block.endswith(b"\n"):
        block += b"\n"
    args = [program, "--batch"] + (["--verbose"] if verbose else [])
    r = subprocess.run(args, input=block, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited with {r.returncode}: {r.stderr.decode('utf-8', 'replace').strip()}")
    return count_lines(block), r.stdout


def _lines_of(part):
    return part[0]


def _add(a, b):
    return a + b


def _renumber(part, offset):
    """The block's answers with "line" counted from the start of the whole input; checks one answer per line, in order."""
    lines, answers = part
    last = 0

    def shift(m):
        nonlocal last
        n = int(m.group(1))
        if not last < n <= lines:
            raise RuntimeError(f"answer for line {n} after line {last}, in a block of {lines} lines: not the batch's answers")
        last = n
        return b'{"line":%d' % (n + offset)

    text = _LINE.sub(shift, answers)
    out = text.decode("utf-8").split("\n")
    if out[-1] != "":
        raise RuntimeError("the batch's answers do not end with a line break")
    out.pop()
    if len(out) != len(_LINE.findall(answers)):
        raise RuntimeError("an answer line does not start with {\"line\":N")
    return out


def sweep(paths, program="mta-sts-lint", blocksize="64 MiB", verbose=False):
    """A Dask bag of the answer lines (str) for the JSON Lines files `paths` (paths or globs, in order; a glob's
    matches sorted), one partition per block of about `blocksize` bytes, each through its own `program --batch`."""
    _, blocks = read_bytes(paths, delimiter=b"\n", blocksize=blocksize, sample=False)
    blocks = [b for per_file in blocks for b in per_file]
    parts = [dask.delayed(_run_block, pure=True)(b, program, verbose) for b in blocks]
    offsets = []
    offset = 0
    for p in parts:
        offsets.append(offset)
        offset = dask.delayed(_add, pure=True)(offset, dask.delayed(_lines_of, pure=True)(p))
    return db.from_delayed([dask.delayed(_renumber, pure=True)(p, o) for p, o in zip(parts, offsets)])


def write(answers, out, client=None):
    """Writes the bag's answer lines to the binary stream `out`, in order, a partition at a time as they are ready.
    Returns the number of answer lines."""
    import distributed

    client = client or distributed.get_client()
    futures = client.compute(answers.to_delayed())
    n = 0
    for i, f in enumerate(futures):
        lines = f.result()
        futures[i] = None  # let the cluster forget the partition
        f.release()
        if lines:
            out.write(("\n".join(lines) + "\n").encode("utf-8"))
        n += len(lines)
    out.flush()
    return n


def _write_part(lines, path):
    with open(path, "wb") as f:
        if lines:
            f.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(lines)


def write_dir(answers, directory):
    """Each partition's answer lines to DIRECTORY/NNNNNN.jsonl, written by the worker that has it (a directory all
    workers share); `cat DIRECTORY/*.jsonl` is the whole answer in order. Returns the number of answer lines."""
    os.makedirs(directory, exist_ok=True)
    tasks = [dask.delayed(_write_part)(p, os.path.join(directory, f"{i:06d}.jsonl")) for i, p in enumerate(answers.to_delayed())]
    return sum(dask.compute(*tasks))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Sweep JSON Lines files of domains through `mta-sts-lint --batch` on a Dask cluster.")
    ap.add_argument("files", nargs="+", help="JSON Lines files (or globs), one domain per line, taken in this order")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    where.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="LocalCluster worker processes (default: the CPUs)")
    ap.add_argument("--blocksize", default="64 MiB", help="bytes of input per partition (default 64 MiB)")
    ap.add_argument("--program", default="mta-sts-lint", help="the mta-sts-lint command on the workers")
    ap.add_argument("--verbose", action="store_true", help="pass --verbose to the batch (infos, RPT523)")
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--output", "-o", default="-", help="answer file, in input order (default: standard output)")
    out.add_argument("--output-dir", help="one answer file per partition, written by the workers")
    a = ap.parse_args(argv)

    from distributed import Client, LocalCluster

    scratch = tempfile.mkdtemp(prefix="dask-sweep-")  # the LocalCluster's worker space, removed at the end
    if a.scheduler:
        cluster = None
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=a.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            local_directory=scratch,
            silence_logs=logging.ERROR,  # not the nanny's "still alive after 3.2 seconds, killing" of a slow exit
        )
        client = Client(cluster)
    try:
        answers = sweep(a.files, program=a.program, blocksize=a.blocksize, verbose=a.verbose)
        if a.output_dir:
            n = write_dir(answers, a.output_dir)
        elif a.output == "-":
            n = write(answers, sys.stdout.buffer, client)
        else:
            with open(a.output, "wb") as f:
                n = write(answers, f, client)
        print(f"dask_sweep: {answers.npartitions} partitions, {n} answer lines", file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
