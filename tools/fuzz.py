"""Fuzz the readers: structure-aware mutations of report files (.nianbao.json), .docx and .xlsx,
each read as the app reads it, checked, and written back; anything but a result or one line of
Chinese reason (ReportFileError) is a failure, saved as a file with its traceback beside it.

python tools/fuzz.py [--seconds 600] [--seed N] [--out FOLDER] [--case-seconds 10]

The suite runs it for about a minute (tests/test_fuzz.py, NIANBAO_FUZZ_SECONDS); run it longer
from here. Seeds are the five real reports of tests/fixtures and their own .docx and .xlsx exports.
A mutation edits what a format is made of — a JSON node, an XML text or attribute, a zip member,
its encoding or its compressed bytes — with the hostile values the campaign of issue 18 found
(docs/reliability.md), so most cases get past the first checks and reach the deeper code.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import io
import json
import random
import re
import signal
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from export import read_report, write_report
from model import ReportFileError, check
from model.files import load_report

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CASE_SECONDS = 10  # the promise: every input answered within 10 s
EXPORTS = (".docx", ".xlsx")  # the packages mutated besides the report files

# Raw JSON number tokens no cell can hold, and values of every other shape.
RAW_NUMBERS = ["1e99999999", "-1e999999", "1E400", "Infinity", "-Infinity", "NaN", "9" * 5000, "1" * 25, "-0", "1e-400"]
TEXTS = [
    "",
    '=HYPERLINK("http://example.invalid","x")',
    "+1+1",
    "@SUM(A1)",
    "\t=1",
    "a\ud800b",
    "\x00\x07\x1b",
    "第一行\n第二行\r\n",
    "²⁰²⁴",
    "２０２４",
    "x" * 70_000,
    "重复" * 50_000,
    "<!DOCTYPE x>&amp;",
    "\u2028\u2029\ufeff\uffff",
]
SHAPES: list[object] = [None, True, [], {}, [1, 2], {"a": [None]}, 0, -1, 2**53 + 1, 3.5]


@dataclass
class Stats:
    cases: int = 0
    refused: int = 0
    read: int = 0
    failures: list[Path] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)


class CaseTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise CaseTimeout in the case after `seconds` (where SIGALRM exists; elsewhere no limit)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise CaseTimeout(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- report files ---------------------------------------------------------------------------------


def _nodes(tree: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield path
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from _nodes(value, (*path, index))


def _set(tree: object, path: tuple[object, ...], value: object) -> object:
    if not path:
        return value
    parent = tree
    for step in path[:-1]:
        parent = parent[step]  # type: ignore[index]
    parent[path[-1]] = value  # type: ignore[index]
    return tree


def _hostile_value(rng: random.Random, raws: list[str]) -> object:
    kind = rng.random()
    if kind < 0.35:
        raws.append(rng.choice(RAW_NUMBERS))
        return f"__RAW_{len(raws) - 1}__"
    if kind < 0.7:
        return rng.choice(TEXTS)
    if kind < 0.8:
        depth = rng.choice([10, 1000, 50_000])
        raws.append("[" * depth + "]" * depth)
        return f"__RAW_{len(raws) - 1}__"
    return copy.deepcopy(rng.choice(SHAPES))


def mutate_json(text: str, rng: random.Random) -> str:
    """A report file with a few nodes replaced, deleted or retyped; raw tokens kept as written."""
    tree: object = json.loads(text)
    raws: list[str] = []
    for _ in range(rng.randint(1, 3)):
        paths = list(_nodes(tree))
        target = rng.choice(paths[1:] or paths)
        if rng.random() < 0.15 and target:
            parent = tree
            for step in target[:-1]:
                parent = parent[step]  # type: ignore[index]
            if isinstance(parent, dict):
                del parent[target[-1]]
                continue
        tree = _set(tree, target, _hostile_value(rng, raws))
    out = json.dumps(tree, ensure_ascii=rng.random() < 0.5)
    out = re.sub(r'"__RAW_(\d+)__"', lambda m: raws[int(m.group(1))], out)
    if rng.random() < 0.1:
        out = out[: rng.randint(0, len(out))]  # cut off
    return out


# --- packages -------------------------------------------------------------------------------------

_TEXT_NODE = re.compile(rb"(<(?:w:t|t|v)(?: [^>]*)?>)([^<]*)(</(?:w:t|t|v)>)")
DTD = b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def _xml_escape(text: str) -> bytes:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8", "surrogatepass")


def _mutate_xml(data: bytes, rng: random.Random) -> bytes:
    choice = rng.random()
    nodes = list(_TEXT_NODE.finditer(data))
    if choice < 0.45 and nodes:
        node = rng.choice(nodes)
        value = rng.choice([*RAW_NUMBERS[:6], *TEXTS])
        return data[: node.start(2)] + _xml_escape(value) + data[node.end(2) :]
    if choice < 0.55:
        at = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
        return data[:at] + DTD + data[at:]
    if choice < 0.65:
        return data.decode("utf-8", "replace").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    if choice < 0.75:
        return re.sub(rb"<(w:document|worksheet|workbook)\b", rb"<\1x", data, count=1).replace(
            b"</w:document>", b"</w:documentx>"
        )
    if choice < 0.85:
        at = rng.randint(0, len(data))
        return data[:at] + data[at : at + rng.randint(1, 4000)] * rng.randint(1, 50) + data[at:]
    at = rng.randint(0, max(len(data) - 1, 0))
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]


def mutate_package(data: bytes, rng: random.Random, embedded: Callable[[str, random.Random], str]) -> bytes:
    """A .docx/.xlsx with members edited as XML, renamed, dropped, or its bytes damaged."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(members))
        name, content = members[index]
        choice = rng.random()
        if name.endswith("nianbao-report.xml") and choice < 0.5:
            text = content.decode("utf-8")
            start, end = text.index("{"), text.rindex("}") + 1
            inner = embedded(text[start:end].replace("&quot;", '"'), rng)
            members[index] = (
                name,
                (text[:start] + inner.replace("&", "&amp;").replace("<", "&lt;") + text[end:]).encode(
                    "utf-8", "surrogatepass"
                ),
            )
        elif choice < 0.75:
            members[index] = (name, _mutate_xml(content, rng))
        elif choice < 0.85:
            members[index] = (name.replace(".xml", ".bin"), content)
        elif choice < 0.92:
            del members[index]
        else:
            members.append((name, content))  # a duplicate name
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        warnings.simplefilter("ignore")  # a duplicate name is one of the mutations
        for name, content in members:
            target.writestr(name, content)
    out = buffer.getvalue()
    if rng.random() < 0.1:  # damage the compressed bytes themselves
        raw = bytearray(out)
        for _ in range(rng.randint(1, 20)):
            raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        out = bytes(raw)
    return out


# --- running --------------------------------------------------------------------------------------


def seeds(folder: Path, exports: tuple[str, ...] = EXPORTS) -> list[Path]:
    """The fixtures, and each exported in the `exports` formats into `folder`."""
    paths = sorted(FIXTURES.glob("*.nianbao.json"))
    out = list(paths)
    for path in paths:
        report = load_report(path)
        for suffix in exports:
            target = folder / f"{path.name.removesuffix('.nianbao.json')}{suffix}"
            write_report(report, target)
            out.append(target)
    return out


def mutate(seed: Path, rng: random.Random) -> bytes:
    if seed.name.endswith(".json"):
        return mutate_json(seed.read_text(encoding="utf-8"), rng).encode("utf-8", "surrogatepass")
    return mutate_package(seed.read_bytes(), rng, mutate_json)


def run_case(path: Path, work: Path, rng: random.Random, case_seconds: float) -> str | None:
    """Read, check and write back one input; the failure's traceback, or None when it behaved."""
    try:
        with time_limit(case_seconds):
            try:
                report = read_report(path)
            except ReportFileError as error:
                if "\n" in str(error) or not str(error):
                    return f"reason not one line: {str(error)!r}"
                return "refused"
            check(report)
            for suffix in [".nianbao.json", *rng.sample([".xlsx", ".docx"], k=1 if rng.random() < 0.3 else 0)]:
                write_report(report, work / f"back{suffix}")
    except Exception:  # a failure of the program under test, recorded as such
        return traceback.format_exc()
    return None


def _failure_kind(trace: str) -> str:
    last = trace.strip().splitlines()[-1] if trace.strip() else "?"
    return re.sub(r"[^A-Za-z0-9_]+", "_", last.split(":")[0])[:60]


def fuzz(
    seconds: float, seed: int, out: Path, case_seconds: float = CASE_SECONDS, exports: tuple[str, ...] = EXPORTS
) -> Stats:
    """Mutate and try inputs for `seconds`; failures go to `out` as files: the input, and beside it
    the same name + .txt with what went wrong."""
    rng = random.Random(seed)
    stats = Stats()
    with tempfile.TemporaryDirectory(prefix="nianbao-fuzz-") as scratch:
        work = Path(scratch)
        pool = seeds(work, exports)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            base = rng.choice(pool)
            suffix = ".nianbao.json" if base.name.endswith(".json") else base.suffix
            data = mutate(base, rng)
            path = work / f"case{suffix}"
            path.write_bytes(data)
            stats.cases += 1
            result = run_case(path, work, rng, case_seconds)
            if result == "refused":
                stats.refused += 1
            elif result is None:
                stats.read += 1
            else:
                kind = _failure_kind(result)
                stats.kinds[kind] = stats.kinds.get(kind, 0) + 1
                out.mkdir(parents=True, exist_ok=True)
                name = f"{kind}-{hashlib.sha256(data).hexdigest()[:12]}"
                (out / f"{name}{suffix}").write_bytes(data)
                (out / f"{name}{suffix}.txt").write_text(result, encoding="utf-8")
                stats.failures.append(out / f"{name}{suffix}")
    return stats


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--case-seconds", type=float, default=CASE_SECONDS)
    parser.add_argument("--json-only", action="store_true", help="mutate report files only (quicker cases)")
    args = parser.parse_args(argv)
    stats = fuzz(args.seconds, args.seed, args.out, args.case_seconds, () if args.json_only else EXPORTS)
    print(
        f"seed {args.seed}: {stats.cases} cases, {stats.read} read, {stats.refused} refused in one line, "
        f"{len(stats.failures)} failures {stats.kinds}"
    )
    for path in stats.failures:
        print(f"  {path}")
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
