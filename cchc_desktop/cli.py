"""The ``cchc`` command: headless access to the store and the template, for scripts and checks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from cchc_desktop import __version__
from cchc_desktop.core import office as office_words
from cchc_desktop.core.clock import Clock
from cchc_desktop.core.model import ItemRole, Office, Plan, TaskStatus
from cchc_desktop.core.outline import plan_text
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import TemplateItem, bundled_template, load_template
from cchc_desktop.documents.package import TargetsExistError
from cchc_desktop.errors import (
    CchcError,
    DocumentImportError,
    ReadOnlyTargetError,
    SamePlanError,
    TemplateError,
)
from cchc_desktop.store.database import open_database
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.sample import save_sample

DB_NAME = "cchc.sqlite"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"cchc: lỗi: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cchc", description="Kế hoạch tuyên truyền CCHC — dòng lệnh.")
    parser.add_argument("--version", action="version", version=f"cchc {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    sample = commands.add_parser("sample", help="tạo kế hoạch mẫu cho một xã mẫu")
    sample.add_argument("--out", type=Path, required=True, help="thư mục kết quả")
    sample.add_argument("--db", type=Path, help=f"tệp dữ liệu (mặc định: OUT/{DB_NAME})")
    sample.add_argument("--template", type=Path, help="tệp mẫu kế hoạch (mặc định: mẫu kèm theo)")
    _export_options(sample)

    export = commands.add_parser(
        "export", help="xuất văn bản của một kế hoạch (.docx, .xlsx, .pdf)"
    )
    export.add_argument("--db", type=Path, required=True)
    export.add_argument(
        "--plan", type=int, required=True, help="số hiệu kế hoạch (xem «cchc plans»)"
    )
    export.add_argument("--out", type=Path, required=True, help="thư mục kết quả")
    _export_options(export)

    report = commands.add_parser(
        "report", help="xuất báo cáo kết quả thực hiện một kỳ (.docx, .xlsx)"
    )
    report.add_argument("--db", type=Path, required=True)
    report.add_argument(
        "--plan", type=int, required=True, help="số hiệu kế hoạch (xem «cchc plans»)"
    )
    report.add_argument(
        "--period", required=True, help="kỳ báo cáo: q1-q4 (quý), h1/h2 (6 tháng), year (năm)"
    )
    report.add_argument("--out", type=Path, required=True, help="thư mục kết quả")
    report.add_argument(
        "--as-of",
        type=date.fromisoformat,
        help="số liệu tính đến ngày YYYY-MM-DD (mặc định: hôm nay)",
    )
    report.add_argument("--force", action="store_true", help="ghi đè tệp đã có")

    plans = commands.add_parser("plans", help="liệt kê các kế hoạch")
    plans.add_argument("--db", type=Path, required=True)

    show = commands.add_parser("show", help="in một kế hoạch dưới dạng văn bản")
    show.add_argument("--db", type=Path, required=True)
    show.add_argument("--plan", type=int, required=True, help="số hiệu kế hoạch (xem «cchc plans»)")

    check = commands.add_parser("check-template", help="kiểm tra một tệp mẫu kế hoạch")
    check.add_argument("file", type=Path)

    bring = commands.add_parser(
        "import",
        help="nhập một kế hoạch: từ tệp Word (.docx, .doc) để theo dõi hoặc làm mẫu, hoặc từ gói "
        "kế hoạch (.zip) hay tệp phụ lục (.xlsx) của máy khác, cùng việc theo dõi",
    )
    bring.add_argument("file", type=Path, help="tệp Word, gói .zip hoặc tệp phụ lục .xlsx")
    bring.add_argument("--db", type=Path, required=True, help="tệp dữ liệu (tạo mới nếu chưa có)")
    bring.add_argument(
        "--template", metavar="TÊN", help="lưu làm mẫu kế hoạch mang tên này thay vì kế hoạch"
    )
    same = bring.add_mutually_exclusive_group()
    same.add_argument(
        "--replace", action="store_true", help="kế hoạch đã có: thay bằng bản trong gói"
    )
    same.add_argument(
        "--keep-both",
        action="store_true",
        help="kế hoạch đã có: giữ cả hai (bản trong gói nhận mã mới)",
    )

    gather = commands.add_parser(
        "consolidate",
        help="tổng hợp các gói kế hoạch (.zip, .xlsx) của các đơn vị thành một bảng cho cấp trên",
    )
    gather.add_argument(
        "packages", nargs="+", type=Path, metavar="GÓI", help="gói .zip, tệp .xlsx hoặc thư mục"
    )
    gather.add_argument(
        "--out", type=Path, required=True, help="tệp .xlsx kết quả (báo cáo .docx ghi bên cạnh)"
    )
    gather.add_argument(
        "--expected", type=Path, help="danh sách đơn vị phải gửi (.txt mỗi dòng một đơn vị, .xlsx)"
    )
    gather.add_argument(
        "--period", help="kỳ kế hoạch: h1-2025, h2-2025, nam-2025 (mặc định: kỳ của đa số gói)"
    )
    gather.add_argument(
        "--as-of",
        type=date.fromisoformat,
        help="tính quá hạn đến ngày YYYY-MM-DD (mặc định: hôm nay)",
    )
    gather.add_argument(
        "--issuer",
        default="Sở Nội vụ",
        help="cơ quan tổng hợp, in ở đầu báo cáo (mặc định: Sở Nội vụ)",
    )
    gather.add_argument("--signer", default="", help="người ký báo cáo")
    gather.add_argument("--force", action="store_true", help="ghi đè tệp đã có")

    listing = commands.add_parser("templates", help="liệt kê các mẫu kế hoạch đã nhập")
    listing.add_argument("--db", type=Path, required=True)

    out = commands.add_parser(
        "export-template", help="ghi một mẫu kế hoạch ra tệp .json để gửi cơ quan khác"
    )
    out.add_argument("--db", type=Path, required=True)
    out.add_argument("template", help="số, tên hoặc mã của mẫu (xem «cchc templates»)")
    out.add_argument("--out", type=Path, required=True, help="tệp .json kết quả")

    into = commands.add_parser("import-template", help="nhập một tệp mẫu kế hoạch .json")
    into.add_argument("file", type=Path)
    into.add_argument("--db", type=Path, required=True, help="tệp dữ liệu (tạo mới nếu chưa có)")
    return parser


def _export_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--zip", action="store_true", help="đóng gói thêm một tệp .zip")
    parser.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    parser.add_argument("--no-pdf", action="store_true", help="không xuất .pdf")


def _export(
    plan: Plan, office: Office, args: argparse.Namespace, clock: Clock, repo: Repository
) -> None:
    from cchc_desktop.documents.package import export_package
    from cchc_desktop.store.exchange import plan_history

    pdf_writer = None
    if not args.no_pdf:
        from cchc_desktop.render.pdf_process import start_plan_pdf

        pdf_writer = start_plan_pdf
    result = export_package(
        plan, office, args.out, pdf_writer=pdf_writer, make_zip=args.zip, overwrite=args.force,
        replace_read_only=args.force, today=clock.today(),
        history=plan_history(repo, plan.id) if plan.id is not None else None,
    )  # fmt: skip
    for path in result.files:
        print(f"Đã ghi {path}")
    for warning in result.warnings:
        print(f"Lưu ý: {warning}", file=sys.stderr)


def _report(args: argparse.Namespace, clock: Clock) -> None:
    """The progress report of one period, with the wording generated from the tasks."""
    from cchc_desktop.core.deadlines import parse_report_period
    from cchc_desktop.core.report import build_report
    from cchc_desktop.documents.package import export_report
    from cchc_desktop.store.tracking import TaskStore

    repo = _existing_db(args.db)
    plan = repo.plan(args.plan)
    if plan.office_id is None:
        raise CchcError(f"Kế hoạch số {args.plan} chưa gắn với cơ quan nào.")
    period = parse_report_period(args.period, plan.period)
    store = TaskStore(repo)
    report = build_report(
        plan, repo.office(plan.office_id), store.tracked_tasks(args.plan), period,
        args.as_of or clock.today(), store.histories(args.plan),
    )  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    result = export_report(report, args.out, overwrite=args.force, replace_read_only=args.force)
    c = report.data.counts
    print(
        f"Báo cáo {period.label}: {c.total} nhiệm vụ đến kỳ, {c.done} hoàn thành, "
        f"{c.in_progress} đang thực hiện, {c.not_started} chưa thực hiện, {c.overdue} quá hạn."
    )
    for path in result.files:
        print(f"Đã ghi {path}")
    for warning in result.warnings:
        print(f"Lưu ý: {warning}", file=sys.stderr)


def _import(args: argparse.Namespace, clock: Clock) -> None:
    """A file read and checked completely before the database is opened: a file that cannot
    be brought in leaves the database as it was. A package or appendix workbook (told by what
    it holds) brings a plan moved from another PC; anything else is read as a Word file."""
    from cchc_desktop.documents.plan_package import is_plan_package

    if is_plan_package(args.file):
        _import_package(args, clock)
        return
    from cchc_desktop.documents.word_import import (
        check_plan,
        read_plan,
        save_plan,
        template_data,
    )

    parsed = read_plan(args.file)
    if args.template is not None:
        from cchc_desktop.store.templates import save_template

        data = template_data(parsed, name=args.template.strip())
        repo = Repository(open_database(args.db), clock)
        stored = save_template(repo, data, f"Word: {args.file.name}")
        print(f"template {stored.id}: {stored.name}")
        warnings = parsed.warnings
    else:
        check_plan(parsed)
        repo = Repository(open_database(args.db), clock)
        imported = save_plan(parsed, repo)
        print(f"plan {imported.plan_id}: {imported.plan.title}")
        who = office_words.formal_name(imported.office)
        print(("Đã tạo hồ sơ cơ quan: " if imported.office_created else "Cơ quan: ") + who)
        warnings = imported.warnings
    for warning in warnings:
        print(f"Lưu ý: {warning}", file=sys.stderr)


def _import_package(args: argparse.Namespace, clock: Clock) -> None:
    from cchc_desktop.documents.plan_package import import_plan_data, read_plan_file
    from cchc_desktop.store.exchange import SamePlan

    if args.template is not None:
        raise DocumentImportError(
            f"Tệp «{args.file.name}» là gói kế hoạch, không phải tệp Word: chỉ văn bản Word mới "
            "nhập làm mẫu được."
        )
    data = read_plan_file(args.file)
    choice = SamePlan.REPLACE if args.replace else SamePlan.KEEP_BOTH if args.keep_both else None
    repo = Repository(open_database(args.db), clock)
    try:
        moved = import_plan_data(data, repo, choice)
    except SamePlanError as exc:
        raise CchcError(
            f"{exc.message} Thêm --replace để thay bằng bản trong tệp, hoặc --keep-both để giữ "
            "cả hai."
        ) from exc
    print(f"plan {moved.plan_id}: {moved.plan.title}")
    who = office_words.formal_name(moved.office)
    print(("Đã tạo hồ sơ cơ quan: " if moved.office_created else "Cơ quan: ") + who)
    tracked = sum(1 for t in moved.plan.tasks if t.status is not TaskStatus.NOT_STARTED)
    print(
        f"Theo dõi: {len(moved.plan.tasks)} nhiệm vụ ({tracked} đã có tiến độ), "
        f"{moved.history_lines} dòng lịch sử"
        + (" — đã thay kế hoạch cũ." if moved.replaced else "")
        + (" — giữ cả hai, bản mới nhận mã mới." if moved.kept_both else "")
    )
    for warning in moved.warnings:
        print(f"Lưu ý: {warning}", file=sys.stderr)


def _consolidate(args: argparse.Namespace, clock: Clock) -> None:
    from cchc_desktop.core.consolidation import parse_plan_period
    from cchc_desktop.documents.consolidate import consolidate

    result = consolidate(
        args.packages, args.out, as_of=args.as_of or clock.today(), expected=args.expected,
        period=parse_plan_period(args.period) if args.period else None, issuer=args.issuer,
        signer=args.signer, overwrite=args.force, replace_read_only=args.force,
    )  # fmt: skip
    whole = result.whole
    c = whole.counts
    period = whole.selection.period
    sent = (
        f"{len(whole.counted)} đơn vị"
        if whole.missing is None
        else f"{whole.sent_of_expected}/{whole.expected} đơn vị phải gửi"
        + (f" (và {whole.outside} ngoài danh sách)" if whole.outside else "")
    )
    print(
        f"Tổng hợp {period.label if period else ''}: {sent}; {c.total} nhiệm vụ, {c.done} hoàn "
        f"thành, {c.in_progress} đang thực hiện, {c.not_started} chưa thực hiện, {c.overdue} "
        "quá hạn."
    )
    if whole.missing:
        print(f"Chưa gửi: {', '.join(m.name for m in whole.missing)}.")
    for path in result.files:
        print(f"Đã ghi {path}")
    for line in [*result.notes, *result.warnings]:
        print(f"Lưu ý: {line}", file=sys.stderr)


def _existing_db(path: Path) -> Repository:
    """A database that must be there already: a missing or empty file is said, not made."""
    return Repository(open_database(path, create=False))


def run(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    args = _parser().parse_args(argv)
    clock = clock or Clock()
    if args.command == "sample":
        template = load_template(args.template) if args.template else bundled_template()
        db_path = args.db or args.out / DB_NAME
        args.out.mkdir(parents=True, exist_ok=True)
        office = sample_office(template)
        plan = sample_plan(template, office)
        if not args.force:  # refuse before touching the database
            from cchc_desktop.documents.package import package_paths

            targets = package_paths(plan, office, args.out, pdf=not args.no_pdf, make_zip=args.zip)
            existing = [p for p in targets.files if p.exists()]
            if existing:
                raise TargetsExistError(existing)
        repo = Repository(open_database(db_path))
        plan = save_sample(repo, office, plan)
        print(
            f"Đã tạo kế hoạch mẫu số {plan.id} «{plan.title}» của "
            f"{office_words.formal_name(office)} trong {db_path}"
        )
        _export(plan, office, args, clock, repo)
    elif args.command == "plans":
        repo = _existing_db(args.db)
        offices = {o.id: o for o in repo.offices()}
        summaries = repo.plans()
        if not summaries:
            print("Chưa có kế hoạch nào.")
        for s in summaries:
            owner = offices.get(s.office_id)
            who = office_words.full_name(owner) if owner else "—"
            print(
                f"{s.id}\t{s.period.label}\t{who}\t{s.title}\t{s.done_count}/{s.task_count} nhiệm vụ xong"
            )
    elif args.command == "show":
        repo = _existing_db(args.db)
        plan = repo.plan(args.plan)
        if plan.office_id is None:
            raise CchcError(f"Kế hoạch số {args.plan} chưa gắn với cơ quan nào.")
        print(plan_text(plan, repo.office(plan.office_id)))
    elif args.command == "export":
        repo = _existing_db(args.db)
        plan = repo.plan(args.plan)
        if plan.office_id is None:
            raise CchcError(f"Kế hoạch số {args.plan} chưa gắn với cơ quan nào.")
        _export(plan, repo.office(plan.office_id), args, clock, repo)
    elif args.command == "report":
        _report(args, clock)
    elif args.command == "import":
        _import(args, clock)
    elif args.command == "consolidate":
        _consolidate(args, clock)
    elif args.command == "templates":
        from cchc_desktop.store.templates import stored_templates

        found = stored_templates(_existing_db(args.db))
        if not found:
            print("Chưa có mẫu kế hoạch nào được nhập (mẫu kèm theo chương trình luôn có sẵn).")
        for t in found:
            print(f"{t.id}\t{t.payload.get('id', '')}\t{t.name}\t{t.source}\t{t.created_at[:10]}")
    elif args.command == "export-template":
        from cchc_desktop.store.templates import export_template

        target = export_template(_existing_db(args.db), args.template, args.out)
        print(f"Đã ghi {target}")
    elif args.command == "import-template":
        from cchc_desktop.store.templates import import_template_file

        try:  # a bad file is refused before the database is opened
            load_template(args.file)
        except TemplateError as exc:
            raise DocumentImportError(exc.message) from exc
        stored = import_template_file(Repository(open_database(args.db), clock), args.file)
        print(f"template {stored.id}: {stored.name}")
    elif args.command == "check-template":
        template = load_template(args.file)
        blocks = sum(1 for i in _template_items(template.sections) if i.role is ItemRole.UNIT)
        print(
            f"Mẫu «{template.name}» hợp lệ: {len(template.sections)} phần, "
            f"{blocks} khối nhiệm vụ đơn vị, {len(template.tasks)} nhiệm vụ phụ lục."
        )
    return 0


def _template_items(items: Sequence[TemplateItem]) -> Iterator[TemplateItem]:
    for item in items:
        yield item
        yield from _template_items(item.children)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: one clear line and a non-zero exit on any error, never a traceback."""
    for stream in (sys.stdout, sys.stderr):  # a Windows console may not be UTF-8
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        return run(argv)
    except DocumentImportError as exc:  # a file that cannot be brought in
        print(f"cchc: {exc.message}", file=sys.stderr)
        return 2
    except (ReadOnlyTargetError, TargetsExistError) as exc:
        print(f"cchc: {exc.message} Thêm --force để vẫn ghi đè.", file=sys.stderr)
        return 1
    except CchcError as exc:
        print(f"cchc: {exc.message}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"cchc: lỗi tệp: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
