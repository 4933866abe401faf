"""Composition root: `check` and `convert` run without a display; anything else opens the window.

python main.py [FILE]                              open the window (with FILE)
python main.py check [--json] [--previous LAST] [--rules RULES] FILE...
python main.py convert [--signed] [--fonts SCHEME] IN OUT
python main.py review INPUT... --out DIR [--roster FILE] [--previous DIR] [--rules FILE] [--center NAME]
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model import Finding

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def _configure_output() -> None:
    """Chinese messages must print on any console (a Windows code page would raise)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # not when a test or an IDE has replaced it
            stream.reconfigure(encoding="utf-8", errors="replace")


def _parser() -> argparse.ArgumentParser:
    from export import AUTO_SCHEME, FONT_SCHEME_CHOICES
    from model import TEMPLATE_2021

    parser = argparse.ArgumentParser(prog="main.py", description=TEMPLATE_2021.title_suffix)
    verbs = parser.add_subparsers(dest="verb", required=True)
    check = verbs.add_parser("check", help="检查报告，列出错误和提醒")
    check.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    check.add_argument("--previous", metavar="LAST_YEAR", help="上一年度的报告，用于跨年度核对")
    check.add_argument("--rules", metavar="RULES", help="地方检查规则文件（.toml 或 .json，见 docs/checks.md）")
    check.add_argument("files", nargs="+", metavar="FILE")
    convert = verbs.add_parser("convert", help="在 .nianbao.json、.docx、.xlsx、.pdf 之间转换")
    convert.add_argument("--signed", action="store_true", help="打印用签字盖章稿：加“单位负责人（签字）”和公章位置")
    choices = [scheme for scheme, _ in FONT_SCHEME_CHOICES]
    convert.add_argument("--fonts", choices=choices, default=AUTO_SCHEME, help="字体方案")
    convert.add_argument("source", metavar="IN")
    convert.add_argument("target", metavar="OUT")
    review = verbs.add_parser("review", help="批量审核：审核汇总表、审核意见、review.json")
    review.add_argument("inputs", nargs="+", metavar="INPUT", help="报告文件或文件夹（含子文件夹）")
    review.add_argument("--out", required=True, metavar="DIR", help="输出文件夹")
    review.add_argument("--roster", metavar="FILE", help="应报送单位名单（.xlsx 或 .csv）")
    review.add_argument("--previous", metavar="DIR", help="上一年度报告所在文件夹，用于跨年度核对")
    review.add_argument("--rules", metavar="RULES", help="地方检查规则文件（.toml 或 .json，见 docs/checks.md）")
    review.add_argument("--center", default="", metavar="NAME", help="审核单位名称，署于审核意见落款")
    return parser


def _location_text(location: dict[str, str]) -> str:
    return "/".join(location.values())


def run_check(files: Sequence[str], as_json: bool, previous_path: str | None, rules_path: str | None = None) -> int:
    from export import check_files, read_report
    from model import NATIONAL, ReportFileError, Severity, load_rules

    try:
        rules = load_rules(rules_path) if rules_path else NATIONAL
    except ReportFileError as error:
        print(f"{rules_path}: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        last_year = read_report(previous_path) if previous_path else None
    except ReportFileError as error:
        print(f"{previous_path}: 无法读取上年报告：{error}", file=sys.stderr)
        return EXIT_UNREADABLE
    status = EXIT_OK
    rows: list[dict[str, object]] = []
    for result in check_files(files, last_year, rules):
        if result.unreadable is not None:
            print(f"{result.path}: 无法读取：{result.unreadable}", file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        findings = list(result.findings)
        if any(f.severity is Severity.ERROR for f in findings) and status == EXIT_OK:
            status = EXIT_ERRORS
        for finding in findings:
            rows.append({"file": result.path, **finding.to_json()})
        if not as_json:
            _print_findings(result.path, findings)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    return status


def _print_findings(path: str, findings: list[Finding]) -> None:
    from model import Severity, count_by_severity

    errors, warnings = count_by_severity(findings)
    print(f"{path}: {errors} 个错误，{warnings} 个提醒")
    for f in findings:
        kind = "错误" if f.severity is Severity.ERROR else "提醒"
        reviewed = f"（已核实：{f.reviewed}）" if f.reviewed is not None else ""
        print(f"  [{kind}] {f.code} {_location_text(f.location.to_json())}: {f.message}{reviewed}")


def run_convert(source: str, target: str, signed: bool, fonts: str) -> int:
    from export import ExportOptions, export_notice, read_report, write_report
    from model import ReportFileError

    try:
        report = read_report(source)
    except ReportFileError as error:
        print(f"{source}: 无法读取：{error}", file=sys.stderr)
        return EXIT_UNREADABLE
    options = ExportOptions(font_scheme=fonts, signed_copy=signed)
    try:
        write_report(report, target, options)
    except ReportFileError as error:
        print(f"{target}: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    notice = export_notice(target, options)
    if notice:
        print(f"{target}: 注意：{notice}", file=sys.stderr)
    return EXIT_OK


def run_review(args: argparse.Namespace) -> int:
    from export import ReviewRequest, review_reports
    from model import ReportFileError

    request = ReviewRequest(
        inputs=tuple(Path(p) for p in args.inputs),
        out=Path(args.out),
        roster=Path(args.roster) if args.roster else None,
        previous=Path(args.previous) if args.previous else None,
        rules=Path(args.rules) if args.rules else None,
        center=args.center,
    )
    try:
        outcome = review_reports(request)
    except ReportFileError as error:
        print(f"无法完成审核：{error}", file=sys.stderr)
        return EXIT_UNREADABLE
    review = outcome.review
    errors = sum(1 for e in review.entries if e.summary.counts[0])
    print(
        f"审核 {len(review.entries)} 份报告：{errors} 份有错误，{len(outcome.letters)} 份审核意见；"
        f"{len(review.unreadable)} 个文件无法读取，名单中 {len(review.missing)} 个单位未报送"
    )
    for problem in review.unreadable:
        print(f"{problem.file}: 无法读取：{problem.reason}", file=sys.stderr)
    print(f"已写入：{outcome.workbook}、{outcome.json_file}")
    return outcome.exit_code


def run_window(argv: Sequence[str]) -> int:
    from ui.app import run

    status: int = run(list(argv))
    return status


def main(argv: Sequence[str]) -> int:
    _configure_output()
    if not argv or argv[0] not in ("check", "convert", "review", "-h", "--help"):
        return run_window(argv)
    args = _parser().parse_args(argv)
    if args.verb == "check":
        return run_check(args.files, args.json, args.previous, args.rules)
    if args.verb == "review":
        return run_review(args)
    return run_convert(args.source, args.target, args.signed, args.fonts)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # the review's worker processes start the frozen app again
    sys.exit(main(sys.argv[1:]))
