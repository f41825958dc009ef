"""Writing GeoReport v2 answers as JSON or XML from one Python structure.

The spec's JSON is a mechanical mapping of its XML (the Spark convention): an object is an
element with one child per key, a list is an element with one child per item, named by
the list (`services` → `service`, `attributes` → `attribute`). So each answer is built
once as dicts and lists and written in the format the URL's suffix asks for.

XML is written with ElementTree (which escapes `<`, `&` and quotes) after removing the
characters XML 1.0 cannot carry at all (control characters a citizen's text may hold), and
starts with the declaration the spec requires (`encoding="UTF-8"`).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from django.http import HttpResponse

JSON = "json"
XML = "xml"
FORMATS = (JSON, XML)
CONTENT_TYPES = {JSON: "application/json; charset=utf-8", XML: "text/xml; charset=utf-8"}
MIME_TYPES = {XML: "text/xml", JSON: "application/json"}

# The element name of one item of each list.
ITEM_NAMES = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
}

# Characters outside XML 1.0's Char production (tab, newline and carriage return are allowed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def xml_text(value: Any) -> str:
    """The text of one XML element: booleans as the spec writes them, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(ET.SubElement(element, key), child)
    elif isinstance(value, (list, tuple)):
        item = ITEM_NAMES[element.tag]
        for child in value:
            _fill(ET.SubElement(element, item), child)
    else:
        element.text = xml_text(value)


def to_xml(root: str, value: Any) -> bytes:
    element = ET.Element(root)
    _fill(element, value)
    return _XML_DECLARATION + ET.tostring(element, encoding="unicode").encode("utf-8")


def _plain(value: Any) -> Any:
    """Lazy translations and other str-like values as plain strings for json.dumps."""
    if isinstance(value, dict):
        return {key: _plain(child) for key, child in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(child) for child in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def to_json(value: Any) -> bytes:
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def respond(fmt: str, root: str, value: Any, *, status: int = 200, headers: dict | None = None) -> HttpResponse:
    """`value` under the XML element `root`, or as JSON (where the root has no name)."""
    body = to_json(value) if fmt == JSON else to_xml(root, value)
    response = HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])
    for name, header in (headers or {}).items():
        response[name] = header
    # The answer depends on the api_key sent, so no shared cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response


def error(fmt: str, status: int, *messages: str, headers: dict | None = None) -> HttpResponse:
    """The spec's error answer: a list of `{code, description}` (`<errors><error>…`)."""
    items = [{"code": status, "description": str(message)} for message in messages]
    return respond(fmt, "errors", items, status=status, headers=headers)
