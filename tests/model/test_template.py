"""The template matches the statutory format, and describes every part the program walks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from model.report import Report
from model.template import TEMPLATE_2021, Carry, FieldKind, Placement, SectionKind, row_short, row_title

SPEC = (
    (Path(__file__).parents[3] / "shared" / "spec" / "format-2021.md").read_text(encoding="utf-8")
    if (Path(__file__).parents[3] / "shared" / "spec" / "format-2021.md").exists()
    else ""
)


def test_table_3_has_25_data_rows_and_7_columns() -> None:
    table = TEMPLATE_2021.table("applications")
    assert len(table.rows) == 25
    assert [c.id for c in table.blocks[0].columns] == [
        "natural_person",
        "commercial",
        "research",
        "social_welfare",
        "legal_service",
        "other_org",
        "total",
    ]


def test_row_ids_follow_the_contract_order() -> None:
    ids = [r.id for r in TEMPLATE_2021.table("applications").rows]
    assert ids[:3] == ["new_received", "carried_over", "disclosed"]
    assert ids[-2:] == ["results_total", "carried_forward"]
    # （一）+（二）+ 8 + 3 + 5 + 3 = 21 result rows (format-2021.md says "20", but lists 21)
    assert len(TEMPLATE_2021.table("applications").row("results_total").parts) == 21


def test_labels_appear_verbatim_in_the_statutory_spec() -> None:
    if not SPEC:
        return  # the shared spec sits beside the repository on developer machines and in CI
    for table in TEMPLATE_2021.tables:
        for row in table.rows:
            assert row.label in SPEC, row.label
            for group in row.path:
                assert group in SPEC, group
    for section in TEMPLATE_2021.sections:
        assert section.heading in SPEC


def test_row_names_for_messages() -> None:
    table = TEMPLATE_2021.table("applications")
    assert row_short(table.row("results_total")) == "三（七）"
    assert row_title(table.row("withheld_state_secret")) == "三（三）1.属于国家秘密"
    assert re.fullmatch(
        r"行政诉讼.复议后起诉", row_title(TEMPLATE_2021.table("review_litigation").row("litigation_after_review"))
    )


# --- the parts other than the tables are data too ------------------------------------------


def test_meta_fields_say_how_they_are_edited_stored_and_carried() -> None:
    kinds = {spec.id: spec.kind for spec in TEMPLATE_2021.meta_fields}
    assert kinds == {
        "agency": FieldKind.TEXT,
        "agency_kind": FieldKind.CHOICE,
        "year": FieldKind.YEAR,
        "issue_date": FieldKind.DATE,
        "signatory": FieldKind.TEXT,
        "contact": FieldKind.MULTILINE,
    }
    assert {spec.id for spec in TEMPLATE_2021.meta_fields if spec.required} == {"agency", "year", "issue_date"}
    assert TEMPLATE_2021.meta_field("year").carry is Carry.NEXT_YEAR
    assert TEMPLATE_2021.meta_field("issue_date").carry is Carry.NOTHING
    keys = [spec.access_key for spec in TEMPLATE_2021.meta_fields]
    assert all(keys) and len(set(keys)) == len(keys)  # every field reachable by its own Alt+letter


def test_a_choice_field_offers_the_agency_kinds_and_defaults_to_the_first() -> None:
    kind = TEMPLATE_2021.meta_field("agency_kind")
    assert kind.choices == tuple((k.id, k.label) for k in TEMPLATE_2021.agency_kinds)
    assert kind.default == "department"
    assert Report().meta.agency_kind == "department"


def test_a_fallback_names_a_field_that_exists() -> None:
    for spec in TEMPLATE_2021.meta_fields:
        if spec.falls_back_to:
            assert TEMPLATE_2021.meta_field(spec.falls_back_to)
    assert TEMPLATE_2021.meta_field("signatory").falls_back_to == "agency"


def test_texts_live_with_a_narrative_section_before_or_after_it() -> None:
    narrative = {s.id for s in TEMPLATE_2021.narrative_sections}
    assert narrative == {"overview", "problems", "other"}
    for text in TEMPLATE_2021.texts:
        assert text.home in narrative
    assert [t.id for t in TEMPLATE_2021.texts_at("overview", Placement.BEFORE)] == ["preamble"]
    assert [t.id for t in TEMPLATE_2021.texts_at("other", Placement.AFTER)] == ["closing"]
    assert TEMPLATE_2021.texts_at("problems", Placement.BEFORE) == ()
    assert TEMPLATE_2021.home_section("closing") == "other"
    assert TEMPLATE_2021.home_section("applications") == "applications"


def _cell_exists(table_id: str, row_id: str, column_id: str) -> bool:
    return TEMPLATE_2021.table(table_id).has_cell(row_id, column_id)


def test_every_role_names_cells_the_tables_have() -> None:
    roles = TEMPLATE_2021.roles
    for table_id, row_id in (roles.carry_from, roles.carry_to):
        assert TEMPLATE_2021.table(table_id).row(row_id)
    for column in (roles.in_force.in_force, roles.in_force.issued, roles.in_force.repealed):
        assert all(_cell_exists(roles.in_force.table, row, column) for row in roles.in_force.rows)
    assert _cell_exists(*roles.applications_received)
    assert TEMPLATE_2021.section(roles.proceedings).kind is SectionKind.TABLE
    assert TEMPLATE_2021.section(roles.fee_section).kind is SectionKind.NARRATIVE
    carry_columns = TEMPLATE_2021.table(roles.carry_from[0]).block_of(roles.carry_from[1]).columns
    assert carry_columns == TEMPLATE_2021.table(roles.carry_to[0]).block_of(roles.carry_to[1]).columns


def test_only_table_3_prints_a_size_smaller() -> None:
    assert [t.id for t in TEMPLATE_2021.tables if t.dense] == ["applications"]


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("叶城县科学技术局", "department"),
        ("叶城县人民政府", "government"),
        ("叶城县人民政府办公室", "government"),
        ("喀什地区行政公署", "department"),
        ("依提木孔镇人民政府", "township"),
        ("柯克亚乡人民政府", "township"),
        ("喀格勒克街道办事处", "township"),
        ("某镇政府", "township"),
        ("", "department"),
    ],
)
def test_the_agency_kind_a_name_says(agency: str, kind: str) -> None:
    assert TEMPLATE_2021.agency_kind_of(agency) == kind


@pytest.mark.parametrize(("signatory", "printed"), [("", "叶城县科学技术局"), ("叶城县人民政府", "叶城县人民政府")])
def test_an_empty_field_prints_the_one_it_falls_back_to(signatory: str, printed: str) -> None:
    report = Report()
    report.meta.agency, report.meta.signatory = "叶城县科学技术局", signatory
    assert report.shown("signatory") == printed == report.signatory
    assert report.shown("agency") == "叶城县科学技术局"


def test_the_print_order_puts_each_text_beside_its_section() -> None:
    order = [part.id for part in TEMPLATE_2021.print_order]
    assert order == [
        "preamble",
        "overview",
        "active_disclosure",
        "applications",
        "review_litigation",
        "problems",
        "other",
        "closing",
    ]
