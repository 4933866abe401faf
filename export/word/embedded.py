"""The report file carried inside an exported .docx, and the fingerprint that says it still matches.

The exact report (every contract field, "not filled in" vs 0, the fee as a decimal) travels as a
custom XML part. It is trusted on import only while the visible text is the text the app wrote:
once someone edits the document in Word or WPS, the visible content wins.

The file is published, so the copy holds only what belongs to the published report: no reviews
(the reasons staff gave for accepting warnings) and no labels of a document it was once imported
from (the page prints the statutory ones). See docs/file-format.md.
"""

from __future__ import annotations

import copy
import hashlib
import re
import uuid
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from export.word.ooxml import part_xml
from export.word.read_body import EMBEDDED_PART as PART_NAME
from export.word.read_body import all_paragraph_texts
from model.errors import ReportFileError
from model.files import parse_report_json, report_json
from model.report import Report

NAMESPACE = "urn:gov-info-annual-report:docx-embedded-report"
PROPERTIES_PART_NAMES = "/customXml/itemProps%d.xml"  # named as Word names data store properties
_DATA_STORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
MAX_EMBEDDED_BYTES = 10 * 1024 * 1024
_ROOT = f"{{{NAMESPACE}}}report"
_SPACES = re.compile(r"\s+")
# Custom XML parts are read with a parser that never resolves entities or touches the network.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


@dataclass(frozen=True)
class Embedded:
    report: Report
    fingerprint: str


def visible_fingerprint(document: Document) -> str:
    """A digest of the text a reader sees, blind to how Word splits runs or wraps lines."""
    digest = hashlib.sha256()
    for text in all_paragraph_texts(document):
        folded = _SPACES.sub("", text)
        if folded:
            digest.update(folded.encode("utf-8"))
            digest.update(b"\x1f")
    return digest.hexdigest()


def published_copy(report: Report) -> Report:
    """The report as it may travel with the published file: without reviews and imported labels."""
    published = copy.copy(report)
    published.reviews = []
    published.imported_labels = {}
    return published


def embed_report(document: Document, report: Report) -> None:
    root = etree.Element(_ROOT, nsmap={None: NAMESPACE})
    fingerprint = visible_fingerprint(document)
    root.set("fingerprint", fingerprint)
    root.text = report_json(published_copy(report))
    part = Part(PackURI(PART_NAME), "application/xml", part_xml(root), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_XML)
    part.relate_to(_data_store_item(document, fingerprint), RELATIONSHIP_TYPE.CUSTOM_XML_PROPS)


def _data_store_item(document: Document, fingerprint: str) -> Part:
    """The properties Word keeps a custom XML part by (its id and namespace); without them Word may
    drop the part, or repair the file, when it saves."""
    ds = f"{{{_DATA_STORE}}}"
    root = etree.Element(f"{ds}datastoreItem", nsmap={"ds": _DATA_STORE})
    root.set(f"{ds}itemID", "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE + fingerprint)).upper() + "}")
    etree.SubElement(etree.SubElement(root, f"{ds}schemaRefs"), f"{ds}schemaRef").set(f"{ds}uri", NAMESPACE)
    content_type = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
    package = document.part.package
    return Part(package.next_partname(PROPERTIES_PART_NAMES), content_type, part_xml(root), package)


def embedded_report(document: Document) -> Embedded | None:
    """The report this app embedded, if the document still carries a readable one."""
    for relationship in document.part.rels.values():
        if relationship.reltype != RELATIONSHIP_TYPE.CUSTOM_XML or relationship.is_external:
            continue
        blob = relationship.target_part.blob
        if len(blob) > MAX_EMBEDDED_BYTES:
            continue
        try:
            root = etree.fromstring(blob, _PARSER)
        except etree.XMLSyntaxError:
            continue
        if root.tag != _ROOT or not root.text:
            continue
        try:
            report = parse_report_json(root.text.encode("utf-8"))
        except ReportFileError:
            continue  # a damaged or newer embedded copy: the visible content still tells the report
        return Embedded(report, str(root.get("fingerprint", "")))
    return None
