#!/usr/bin/env python3
"""Makes the plan-reading corpus: layout variants and file forms of each sample plan.

    python3 Tests/Corpus/generate.py            # writes Tests/Corpus/Plans/<sample>/<variant>.<form>
    python3 Tests/Corpus/generate.py --no-pdf   # everything but the PDFs (no LibreOffice needed)

Each sample (Seeds/*.txt and Fresh/*.txt) is parsed into a small model of its plan table (pillar,
sub-item, focus and units cells per row) with rules that know each sample's layout. This is test
code: the reader under test must not know any of it. Every variant is a transformation of the rows
that a real agency could produce and keeps the same focus points, so each file is judged by its
sample's oracle (<sample>.points.json beside the sample).

Standard library only. The PDFs are made from the .docx by LibreOffice (soffice), one profile per
call; fonts-noto-cjk gives the Chinese glyphs.
"""
from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
OUT = HERE / "Plans"

# Which forms each variant is written in. Markup variants only make sense as text; the encodings
# are orthogonal to layout, so they are exercised on a few layouts, not all.
TEXT = ".txt"
UTF16 = ".utf16.txt"
BIG5 = ".big5.txt"
DOCX = ".docx"
ODT = ".odt"
PDF = ".pdf"
MATRIX: dict[str, list[str]] = {
    "as-is": [TEXT, UTF16, BIG5, DOCX, ODT, PDF],
    "three-columns": [TEXT, DOCX, ODT, PDF],
    "four-columns": [TEXT, UTF16, DOCX, ODT, PDF],
    "subitem-in-focus": [TEXT, DOCX, ODT, PDF],
    "labels-lost": [TEXT, BIG5, DOCX, ODT, PDF],
    "renumbered": [TEXT, DOCX, ODT, PDF],
    "pillar-every-row": [TEXT, DOCX, ODT, PDF],
    "header-repeated": [TEXT, UTF16, DOCX, ODT, PDF],
    "blank-lines": [TEXT],
    "html": [TEXT],
    "markdown": [TEXT, BIG5],
    "plain": [TEXT, UTF16],
}

CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef「」『』、，。：；（）"
SUB_LABEL = re.compile(r"^\s*([(（])\s*([一二三四五六七八九十]+)\s*([)）])\s*")
NUMERALS = "一二三四五六七八九十"
# Characters Big5 lacks, with the form an agency's Big5 file would carry instead.
BIG5_REPLACEMENTS = {"叁": "參", "\u00a0": " "}


# ---------------------------------------------------------------------------------------------
# The model of a sample's plan table
# ---------------------------------------------------------------------------------------------

@dataclass
class Row:
    """One row of the plan table. pillar/sub are set on the row that starts them (None: continues)."""
    pillar: str | None
    sub: str | None
    focus: list[str]
    units: list[str]
    html: bool = False
    preamble: bool = False


@dataclass
class Sample:
    name: str
    source: Path
    layout: str  # native layout: four | three | sub-in-focus
    header: list[str]  # item, focus, units words of the native header
    has_units: bool
    before: list[str]
    rows: list[Row]
    after: list[str]
    # Whether a row with no sub-item of its own sits under the one above (a merged cell). Not in
    # the health plan: there a row without a sub-item text has lost it, and the reader must guess.
    sub_merge: bool = True


def strip_tags(s: str) -> str:
    s = re.sub(r"<br\s*/?>", " ", s)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def tidy(s: str) -> str:
    """Plain text of a pillar or sub-item cell: tags gone, spaces beside Chinese text gone."""
    s = re.sub(r"\s+", " ", strip_tags(s)).strip()
    s = re.sub(rf"\s+(?=[{CJK}])", "", s)
    s = re.sub(rf"(?<=[{CJK}])\s+", "", s)
    return s


def paragraphs(cell: str) -> tuple[list[str], bool]:
    """A cell's paragraphs (<p>, <li>, <br>) with inline markup kept, and whether it was HTML."""
    cell = cell.strip()
    if not cell:
        return [], False
    if re.search(r"<p\b|<li\b|<br", cell):
        parts = re.split(r"</?(?:p|li|ol|ul)\b[^>]*>|<br\s*/?>", cell)
        return [p.strip() for p in parts if p.strip()], "<p" in cell
    return [cell], False


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def parse_tabbed(name: str, path: Path, layout: str, cols: int, *, joins=(), shifts=(), drop_first=()) -> Sample:
    lines = read_lines(path)
    head = next(i for i, l in enumerate(lines) if "\t" in l and "要項" in l)
    header_cells = [c.strip() for c in lines[head].split("\t")]
    before = [l for l in lines[:head] if l.strip()]
    rows: list[Row] = []
    cur_pillar: Row | None = None
    cur_sub: Row | None = None
    end = len(lines)
    for i in range(head + 1, len(lines)):
        line, number = lines[i], i + 1
        if not line.strip():
            continue
        if "\t" not in line:
            end = i
            break
        cells = line.split("\t")
        if number in drop_first:
            cells = cells[1:]
        if number in shifts:
            cells = [""] + cells
        cells = (cells + [""] * cols)[:cols]
        if [c.strip() for c in cells] == header_cells[:cols]:
            continue  # a header repeated after a page break
        if layout == "sub-in-focus":
            pillar, focus_cell, units_cell = cells
            sub = ""
            m = re.match(r"^(\s*[(（][一二三四五六七八九十]+[)）].*?)<br\s*/?>(.*)$", focus_cell)
            if m:
                sub, focus_cell = m.group(1), m.group(2)
        elif cols == 3:
            pillar, sub, focus_cell = cells
            units_cell = ""
        else:
            pillar, sub, focus_cell, units_cell = cells
        focus, focus_html = paragraphs(focus_cell)
        units, units_html = paragraphs(units_cell)
        if number in joins:
            if pillar.strip():
                cur_pillar.pillar += tidy(pillar)
            if sub.strip():
                cur_sub.sub += tidy(sub)
            rows[-1].focus += focus
            rows[-1].units += units
            continue
        row = Row(None, None, focus, units, focus_html or units_html)
        if pillar.strip():
            row.pillar = tidy(pillar)
            row.preamble = "訂定「提升服務計畫」" in row.pillar
            cur_pillar = row
        if sub.strip():
            if SUB_LABEL.match(strip_tags(sub)) or row.pillar is not None or cur_sub is None:
                row.sub = tidy(sub)
                cur_sub = row
            else:
                cur_sub.sub += tidy(sub)  # the sub-item's text broken over a page
        if row.pillar is None and row.sub is None:
            if not focus and not units:
                continue
            if rows and not rows[-1].focus and not rows[-1].units:
                rows[-1].focus, rows[-1].units, rows[-1].html = focus, units, row.html
                continue
        rows.append(row)
    after = [l for l in lines[end:] if l.strip()]
    return Sample(name, path, layout, [], cols == 4 or layout == "sub-in-focus", before, rows, after)


def parse_public_works(path: Path) -> Sample:
    """The 105 public-works plan: a table written one cell per line (pillar, label, sub-item text,
    point label, title, description, units), descriptions on lines of their own."""
    lines = read_lines(path)
    start = next(i for i, l in enumerate(lines) if l.strip() == "執行(單位)") + 1
    end = next(i for i, l in enumerate(lines) if l.strip() == "伍、管制考核")
    before = [l.strip() for l in lines[:start - 3] if l.strip()]
    rows: list[Row] = []
    pillar: str | None = None
    sub_label: str | None = None
    sub: str | None = None
    point: Row | None = None  # open point (units not yet seen)
    last: Row | None = None
    for line in lines[start:end]:
        t = line.strip()
        if not t:
            continue
        is_cell = line.startswith("\t")
        if is_cell and re.match(r"^[一二三四五六七八九十]、", t):
            pillar = t
        elif is_cell and re.fullmatch(r"（[一二三四五六七八九十]+）", t):
            sub_label = t
        elif sub_label is not None:
            sub, sub_label = sub_label + t, None
        elif is_cell and t.endswith("暨所屬機關"):
            point.units = [t]
            last, point = point, None
        elif is_cell and re.fullmatch(r"\d+\.?", t):
            point = new_point(rows, pillar, sub, t)
            pillar = sub = None
        elif point is not None:
            if len(point.focus) == 1 and re.fullmatch(r"\d+\.?", point.focus[0]):
                point.focus[0] += " " + t  # label and title are one paragraph
            else:
                point.focus.append(t)
        elif sub is not None or pillar is not None:
            point = new_point(rows, pillar, sub, t)  # a point with no number
            pillar = sub = None
        else:
            last.focus.append(t)  # numbered measures after the point's units cell
    after = [l.strip() for l in lines[end:] if l.strip()]
    return Sample("public-works-bureau-105", path, "three", [], True, before, rows, after)


def new_point(rows: list[Row], pillar: str | None, sub: str | None, text: str) -> Row:
    row = Row(pillar, sub, [text], [])
    rows.append(row)
    return row


def load_samples() -> list[Sample]:
    seeds, fresh = HERE / "Seeds", HERE / "Fresh"
    samples = [
        parse_tabbed("finance-bureau-113", seeds / "finance-bureau-113.txt", "four", 4),
        parse_tabbed("niaosong-district-113", seeds / "niaosong-district-113.txt", "four", 4,
                     joins={36, 47, 59, 64, 71}),
        parse_tabbed("pawnshop-114", seeds / "pawnshop-114.txt", "four", 3, joins={45}, shifts={33}),
        parse_public_works(seeds / "public-works-bureau-105.txt"),
        parse_tabbed("health-bureau-114", fresh / "health-bureau-114.txt", "sub-in-focus", 3, drop_first={23}),
    ]
    headers = {
        "finance-bureau-113": ["執行要項", "執行重點", "執行單位"],
        "niaosong-district-113": ["執行要項", "執行重點", "執行課室"],
        "pawnshop-114": ["實施要項", "實施（參考）方法", ""],
        "public-works-bureau-105": ["執行要項", "執行(參考)方法", "執行(單位)"],
        "health-bureau-114": ["執行要項", "執行重點", "執行單位"],
    }
    for s in samples:
        s.header = headers[s.name]
        s.sub_merge = s.name != "health-bureau-114"
    return samples


# ---------------------------------------------------------------------------------------------
# Variants: the model's rows laid out as a grid of cells
# ---------------------------------------------------------------------------------------------

@dataclass
class Cell:
    paras: list[str]
    merge: str | None = None  # restart | continue (vertically merged with the cell above)
    span: int = 1
    html: bool = False
    joiner: str = " "  # between paragraphs in a one-line text cell: <br> where two cells were made one


@dataclass
class GridRow:
    cells: list[Cell]
    header: bool = False


@dataclass
class Grid:
    columns: int
    rows: list[GridRow] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # relative column widths


def relabel(text: str, how: str) -> str:
    m = SUB_LABEL.match(text)
    if not m:
        return text
    if how == "lost":
        return text[m.end():]
    n = NUMERALS.index(m.group(2)[0]) + 1 if len(m.group(2)) == 1 else 10
    if n >= 2:
        n += 1  # as if the agency had skipped one label
    return f"{m.group(1)}{NUMERALS[n - 1]}{m.group(3)}" + text[m.end():]


def header_row(sample: Sample, layout: str) -> GridRow:
    item, focus, units = sample.header
    cells = []
    if layout == "four":
        cells.append(Cell([item], span=2))
    else:
        cells.append(Cell([item]))
    cells.append(Cell([focus]))
    if sample.has_units:
        cells.append(Cell([units] if units else []))
    return GridRow(cells, header=True)


def build_grid(sample: Sample, layout: str, *, labels: str | None = None, pillar_every_row=False, header_every=0) -> Grid:
    columns = {"four": 3, "three": 2, "sub-in-focus": 2}[layout] + (1 if sample.has_units else 0)
    widths = {"four": [18, 22, 44], "three": [30, 54], "sub-in-focus": [18, 66]}[layout] + ([16] if sample.has_units else [])
    grid = Grid(columns, [header_row(sample, layout)], widths)
    pillar_text: str | None = None
    body = 0
    for row in sample.rows:
        sub = relabel(row.sub, labels) if (row.sub and labels) else row.sub
        if row.pillar is not None:
            pillar_text = row.pillar
        if header_every and body and body % header_every == 0:
            grid.rows.append(header_row(sample, layout))
        body += 1
        pillar_cell = (Cell([pillar_text], "restart") if (row.pillar is not None or pillar_every_row) and pillar_text
                       else Cell([], "continue"))
        if pillar_every_row:
            pillar_cell.merge = None
        focus = Cell(list(row.focus), html=row.html)
        units = Cell(list(row.units), html=row.html)
        if layout == "four":
            if sub is not None:
                sub_cell = Cell([sub], "restart")
            elif row.pillar is not None or not sample.sub_merge:
                sub_cell = Cell([])
            else:
                sub_cell = Cell([], "continue")
            cells = [pillar_cell, sub_cell, focus]
        elif layout == "three":
            paras = ([pillar_text] if (row.pillar is not None or pillar_every_row) and pillar_text else []) + ([sub] if sub else [])
            starts = row.pillar is not None or sub is not None or pillar_every_row
            if pillar_every_row or (not starts and not sample.sub_merge):
                item = Cell(paras, joiner="<br>")
            else:
                item = Cell(paras, "restart" if starts else "continue", joiner="<br>")
            cells = [item, focus]
        else:
            if sub:
                focus = Cell([sub] + focus.paras, html=row.html, joiner="<br>")
            cells = [pillar_cell, focus]
        if sample.has_units:
            cells.append(units)
        grid.rows.append(GridRow(cells))
    # A merged cell cannot run through a header row: the part below the header starts afresh.
    for above, below in zip(grid.rows, grid.rows[1:]):
        if above.header and not below.header:
            for cell in below.cells:
                if cell.merge == "continue":
                    cell.merge = "restart"
    return grid


def variant_grid(sample: Sample, variant: str) -> Grid:
    native = sample.layout
    return {
        "as-is": lambda: build_grid(sample, native),
        "three-columns": lambda: build_grid(sample, "three"),
        "four-columns": lambda: build_grid(sample, "four"),
        "subitem-in-focus": lambda: build_grid(sample, "sub-in-focus"),
        "labels-lost": lambda: build_grid(sample, native, labels="lost"),
        "renumbered": lambda: build_grid(sample, native, labels="renumbered"),
        "pillar-every-row": lambda: build_grid(sample, native, pillar_every_row=True),
        "header-repeated": lambda: build_grid(sample, native, header_every=8),
        "blank-lines": lambda: build_grid(sample, native),
        "html": lambda: build_grid(sample, native),
        "markdown": lambda: build_grid(sample, native),
        "plain": lambda: build_grid(sample, native),
    }[variant]()


# ---------------------------------------------------------------------------------------------
# Text forms
# ---------------------------------------------------------------------------------------------

def cell_text(cell: Cell, style: str) -> str:
    if cell.merge == "continue" or not cell.paras:
        return ""
    if style == "plain":
        return " ".join(tidy_inline(p) for p in cell.paras)
    if style == "html":
        return " ".join(f"<p>{p}</p>" for p in cell.paras)
    if style == "markdown":
        return "<br>".join(tidy_inline(p) for p in cell.paras).replace("|", "｜")
    if cell.html:
        return " ".join(f"<p>{p}</p>" for p in cell.paras)
    return cell.joiner.join(cell.paras)


def tidy_inline(s: str) -> str:
    return re.sub(r"\s+", " ", strip_tags(s)).strip()


def grid_lines(grid: Grid, style: str) -> list[str]:
    out = []
    for row in grid.rows:
        texts = []
        for cell in row.cells:
            texts.append(cell_text(cell, style))
            texts += [""] * (cell.span - 1)
        if style == "markdown":
            out.append("| " + " | ".join(texts) + " |")
            if row is grid.rows[0]:
                out.append("|" + "---|" * len(texts))
        else:
            out.append("\t".join(texts))
    return out


def plain_paragraph(line: str) -> str:
    line = strip_tags(line)
    line = re.sub(r"^\s*#+\s*", "", line)
    line = re.sub(r"^\s*-\s+", "", line)
    return line.replace("**", "").strip()


def render_text(sample: Sample, variant: str) -> str:
    if variant == "as-is":
        return sample.source.read_text(encoding="utf-8")
    if variant == "blank-lines" and sample.name == "public-works-bureau-105":
        return public_works_blank_lines(sample)
    grid = variant_grid(sample, variant)
    style = {"html": "html", "markdown": "markdown", "plain": "plain"}.get(variant, "tab")
    before = [plain_paragraph(l) if variant == "plain" else l.strip() for l in sample.before]
    after = [plain_paragraph(l) if variant == "plain" else l.strip() for l in sample.after]
    table = grid_lines(grid, style)
    if variant == "blank-lines":
        table = [x for line in table for x in (line, "")]
    return "\n".join(before + [""] + table + [""] + after) + "\n"


def public_works_blank_lines(sample: Sample) -> str:
    """The cell-per-line table with more blank lines: after every units cell and, once, between a
    point's label and its title (as a converter that lost an empty paragraph would write)."""
    lines = sample.source.read_text(encoding="utf-8").split("\n")
    out, inserted = [], False
    for i, line in enumerate(lines):
        out.append(line)
        t = line.strip()
        if line.startswith("\t") and t.endswith("暨所屬機關"):
            out += ["", ""]
        if not inserted and line.startswith("\t") and re.fullmatch(r"\d+\.", t) and i > 100:
            out.append("")
            inserted = True
    return "\n".join(out)


def encode(text: str, form: str) -> bytes:
    if form == UTF16:
        return b"\xff\xfe" + text.encode("utf-16-le")
    if form == BIG5:
        return "".join(BIG5_REPLACEMENTS.get(ch, ch) for ch in text).encode("big5", errors="replace")
    return text.encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Word (.docx)
# ---------------------------------------------------------------------------------------------

Segment = tuple[str, bool]  # text, bold


def doc_paragraphs(cell: Cell) -> list[list[Segment]]:
    """A cell's paragraphs as a word processor holds them: numbered points each on a line, the
    plan's bold titles (<b>) as bold runs."""
    out: list[list[Segment]] = []
    bold = False
    for p in cell.paras:
        marked = re.sub(r"<(?:b|strong)\b[^>]*>", "\x01", p)
        marked = re.sub(r"</(?:b|strong)>", "\x02", marked)
        text = re.sub(r"\s+", " ", strip_tags(marked)).strip()
        for piece in re.split(r"\s(?=\x01?\d{1,2}\.\s)|\s(?=\x01?[(（]\d{1,2}[)）])", text):
            segments, buffer = [], ""
            for ch in piece:
                if ch in "\x01\x02":
                    if buffer.strip():
                        segments.append((buffer, bold))
                    buffer, bold = "", ch == "\x01"
                else:
                    buffer += ch
            if buffer.strip():
                segments.append((buffer, bold))
            if segments:
                segments[0] = (segments[0][0].lstrip(), segments[0][1])
                segments[-1] = (segments[-1][0].rstrip(), segments[-1][1])
                out.append(segments)
        bold = False
    return out


def prose(sample: Sample) -> tuple[list[str], list[str]]:
    return [plain_paragraph(l) for l in sample.before if plain_paragraph(l)], [plain_paragraph(l) for l in sample.after if plain_paragraph(l)]


def spans(grid: Grid) -> dict[tuple[int, int], int]:
    """Rows spanned by each merged cell that restarts, keyed by (row, grid column)."""
    result = {}
    for r, row in enumerate(grid.rows):
        col = 0
        for cell in row.cells:
            if cell.merge == "restart":
                n = 1
                for below in grid.rows[r + 1:]:
                    other = cell_at(below, col)
                    if other is None or other.merge != "continue":
                        break
                    n += 1
                result[(r, col)] = n
            col += cell.span
    return result


def cell_at(row: GridRow, col: int) -> Cell | None:
    at = 0
    for cell in row.cells:
        if at == col:
            return cell
        at += cell.span
    return None


def w_paragraph(content: str | list[Segment], bold=False, center=False, size: int | None = None) -> str:
    segments = [(content, bold)] if isinstance(content, str) else content
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    runs = []
    for text, b in segments:
        rpr = ("<w:b/>" if b or bold else "") + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "")
        rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        runs.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def odt_paragraph(segments: list[Segment], style: str) -> str:
    inner = "".join(f'<text:span text:style-name="B">{escape(t)}</text:span>' if b else escape(t) for t, b in segments)
    return f'<text:p text:style-name="{style}">{inner}</text:p>'


def docx_bytes(sample: Sample, grid: Grid) -> bytes:
    total = 9638  # A4 less 2 cm margins, in twentieths of a point
    widths = [total * w // sum(grid.widths) for w in grid.widths]
    before, after = prose(sample)
    body = []
    for i, line in enumerate(before):
        body.append(w_paragraph(line, bold=i == 0, center=i == 0, size=32 if i == 0 else None))
    rows_xml = []
    for row in grid.rows:
        cells_xml, col = [], 0
        for cell in row.cells:
            width = sum(widths[col:col + cell.span])
            tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if cell.span > 1:
                tcpr += f'<w:gridSpan w:val="{cell.span}"/>'
            if cell.merge == "restart":
                tcpr += '<w:vMerge w:val="restart"/>'
            elif cell.merge == "continue":
                tcpr += "<w:vMerge/>"
            paras = [] if cell.merge == "continue" else doc_paragraphs(cell)
            inner = "".join(w_paragraph(p, bold=row.header, center=row.header) for p in paras) or "<w:p/>"
            cells_xml.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{inner}</w:tc>")
            col += cell.span
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if row is grid.rows[0] else ""
        rows_xml.append(f"<w:tr>{trpr}{''.join(cells_xml)}</w:tr>")
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid_xml = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body.append(f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
                f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid_xml}</w:tblGrid>{"".join(rows_xml)}</w:tbl>')
    for line in after:
        body.append(w_paragraph(line))
    body.append('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
                'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ns}><w:body>{"".join(body)}</w:body></w:document>'
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:ascii="Noto Serif CJK TC" w:hAnsi="Noto Serif CJK TC" w:eastAsia="Noto Serif CJK TC" w:cs="Noto Serif CJK TC"/>'
              '<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-US" w:eastAsia="zh-TW"/></w:rPr></w:rPrDefault>'
              '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="260" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                     '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' + escape(before[0] if before else sample.name) + '</dc:title></cp:coreProperties>')
    return zip_bytes([("[Content_Types].xml", content_types, True), ("_rels/.rels", rels, True),
                      ("word/document.xml", document, True), ("word/_rels/document.xml.rels", doc_rels, True),
                      ("word/styles.xml", styles, True), ("docProps/core.xml", core, True)])


def zip_bytes(entries: list[tuple[str, str, bool]]) -> bytes:
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text, compress in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 2, 0, 0, 0))  # fixed: the same bytes every run
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            z.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# OpenDocument (.odt)
# ---------------------------------------------------------------------------------------------

def odt_bytes(sample: Sample, grid: Grid) -> bytes:
    before, after = prose(sample)
    span = spans(grid)
    total_cm = 17.0
    widths = [total_cm * w / sum(grid.widths) for w in grid.widths]
    body = []
    for i, line in enumerate(before):
        body.append(f'<text:p text:style-name="{"Title" if i == 0 else "Body"}">{escape(line)}</text:p>')
    columns = "".join(f'<table:table-column table:style-name="col{i}"/>' for i in range(len(widths)))
    rows_xml = []
    for r, row in enumerate(grid.rows):
        cells, col = [], 0
        for cell in row.cells:
            if cell.merge == "continue":
                cells.append("<table:covered-table-cell/>")
            else:
                attrs = ' table:style-name="cell" office:value-type="string"'
                if cell.span > 1:
                    attrs += f' table:number-columns-spanned="{cell.span}"'
                if cell.merge == "restart" and span.get((r, col), 1) > 1:
                    attrs += f' table:number-rows-spanned="{span[(r, col)]}"'
                style = "Head" if row.header else "Cell"
                paras = "".join(odt_paragraph(p, style) for p in doc_paragraphs(cell)) or f'<text:p text:style-name="{style}"/>'
                cells.append(f"<table:table-cell{attrs}>{paras}</table:table-cell>")
                cells += ["<table:covered-table-cell/>"] * (cell.span - 1)
            col += cell.span
        row_xml = f"<table:table-row>{''.join(cells)}</table:table-row>"
        rows_xml.append(f"<table:table-header-rows>{row_xml}</table:table-header-rows>" if r == 0 else row_xml)
    body.append(f'<table:table table:name="計畫內容" table:style-name="tbl">{columns}{"".join(rows_xml)}</table:table>')
    for line in after:
        body.append(f'<text:p text:style-name="Body">{escape(line)}</text:p>')
    col_styles = "".join(f'<style:style style:name="col{i}" style:family="table-column"><style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>'
                         for i, w in enumerate(widths))
    font = 'style:font-name="Noto Serif CJK TC" style:font-name-asian="Noto Serif CJK TC"'
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
               'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">'
               '<office:font-face-decls><style:font-face style:name="Noto Serif CJK TC" svg:font-family="\'Noto Serif CJK TC\'"/></office:font-face-decls>'
               '<office:automatic-styles>'
               f'<style:style style:name="tbl" style:family="table"><style:table-properties style:width="{total_cm}cm" table:align="left"/></style:style>'
               f'{col_styles}'
               '<style:style style:name="cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/></style:style>'
               f'<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties {font} fo:font-size="16pt" fo:font-weight="bold" style:font-size-asian="16pt" style:font-weight-asian="bold"/></style:style>'
               f'<style:style style:name="Body" style:family="paragraph"><style:text-properties {font} fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>'
               f'<style:style style:name="Cell" style:family="paragraph"><style:text-properties {font} fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>'
               f'<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties {font} fo:font-size="10pt" fo:font-weight="bold" style:font-size-asian="10pt" style:font-weight-asian="bold"/></style:style>'
               '<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
               '</office:automatic-styles>'
               f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">'
            f'<office:meta><dc:title>{escape(before[0] if before else sample.name)}</dc:title></office:meta></office:document-meta>')
    # The mimetype entry comes first and is stored uncompressed, so a reader can sniff it at byte 38.
    return zip_bytes([("mimetype", "application/vnd.oasis.opendocument.text", False), ("content.xml", content, True),
                      ("meta.xml", meta, True), ("META-INF/manifest.xml", manifest, True)])


# ---------------------------------------------------------------------------------------------
# PDF (LibreOffice)
# ---------------------------------------------------------------------------------------------

def to_pdf(docx: Path, target: Path) -> None:
    """Converts a .docx or .odt to PDF with LibreOffice (a fresh profile per call avoids the profile lock)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is needed for the PDFs; run with --no-pdf to skip them")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as outdir:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", outdir, str(docx)], check=True, capture_output=True, timeout=300)
        made = Path(outdir) / (docx.stem + ".pdf")
        if not made.exists() or made.stat().st_size == 0:
            raise SystemExit(f"LibreOffice made no PDF of {docx}")
        shutil.move(str(made), target)


# ---------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-pdf", action="store_true", help="leave the PDFs as they are (no LibreOffice)")
    parser.add_argument("--only", help="one sample's name")
    parser.add_argument("--check-odt", action="store_true", help="also have LibreOffice open each sample's as-is and header-repeated .odt")
    args = parser.parse_args()
    count = 0
    for sample in load_samples():
        if args.only and sample.name != args.only:
            continue
        folder = OUT / sample.name
        folder.mkdir(parents=True, exist_ok=True)
        wanted = {f"{variant}{form}" for variant, forms in MATRIX.items() for form in forms}
        for stale in folder.iterdir():
            if stale.name not in wanted:
                stale.unlink()  # a variant or form no longer in the matrix
        for variant, forms in MATRIX.items():
            text = None
            for form in forms:
                target = folder / f"{variant}{form}"
                if form in (TEXT, UTF16, BIG5):
                    text = text or render_text(sample, variant)
                    target.write_bytes(encode(text, form))
                elif form == DOCX:
                    target.write_bytes(docx_bytes(sample, variant_grid(sample, variant)))
                elif form == ODT:
                    target.write_bytes(odt_bytes(sample, variant_grid(sample, variant)))
                elif form == PDF:
                    if args.no_pdf:
                        continue
                    with tempfile.TemporaryDirectory() as tmp:
                        # LibreOffice names the PDF after the input: copy under the variant's name.
                        source = Path(tmp) / f"{variant}.docx"
                        source.write_bytes(docx_bytes(sample, variant_grid(sample, variant)))
                        to_pdf(source, target)
                count += 1
        if args.check_odt:
            for variant in ("as-is", "header-repeated"):
                with tempfile.TemporaryDirectory() as tmp:
                    to_pdf(folder / f"{variant}{ODT}", Path(tmp) / "check.pdf")
                    print(f"{sample.name}/{variant}{ODT}: LibreOffice opened it", file=sys.stderr)
        print(f"{sample.name}: {len(sample.rows)} table rows", file=sys.stderr)
    print(f"{count} files under {OUT.relative_to(HERE.parent.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
