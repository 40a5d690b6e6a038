#!/usr/bin/env python3
"""Makes the PDF fixtures of the PDF plan extractor's tests with LibreOffice.

Each fixture is an HTML page with a bordered table (<table border=1>) that LibreOffice Writer lays out
and exports to PDF, the way agencies export their plans from Word or Writer:

- the four sample plans (../shared/seeds beside the repository, tab-separated rows or one cell a
  line): each row a <tr>, each cell a <td> with the HTML it holds; an empty first cell under a pillar
  heading is merged into it (rowspan), as the plans merge the pillar cell down its sub-items; the text
  before and after the table as paragraphs, Markdown marks (#, -, **) as the formatting they stand for;
- small synthetic tables: spans (a row span and a column span), a table over two pages with a
  repeated header row (<thead>) and a cell cut by the page break, the same as a Writer document with a
  running head and page numbers (flat ODF, since HTML has no page header or footer), the spans table
  again by way of a .docx (LibreOffice's Word layout), and a borderless plan table (no ruling lines).

Usage: python3 Tests/Fixtures/Pdf/make-pdfs.py [SEEDS_FOLDER]
Needs soffice (libreoffice-writer) and the Noto CJK fonts; writes the PDFs beside this script.
"""

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SEEDS = ["finance-bureau-113", "niaosong-district-113", "public-works-bureau-105", "pawnshop-114"]

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: 'Noto Serif CJK TC'; font-size: 11pt; }} td, th {{ vertical-align: top; }}</style>
</head><body>
{body}
</body></html>
"""


# --- The text form of the seeds (as Domain/Plans/Reading/PlanTextParser.cs reads it) ---------------

def is_cell_line(line):
    return line.startswith("\t") and "\t" not in line[1:]


def starts_cell_per_line_run(lines, i):
    run = 0
    while i + run < len(lines) and is_cell_line(lines[i + run]):
        run += 1
    return run >= 3


def is_tab_row(line):
    return "\t" in line and (line.index("\t") > 0 or line.count("\t") >= 2 or len(line.rstrip()) > 1)


SECTION = re.compile(r"^[壹貳參叁肆伍陸柒捌玖拾]+\s*[、.．]")


def read_tab_table(lines, i):
    rows = []
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if "\t" not in line or starts_cell_per_line_run(lines, i):
            break
        rows.append(line.split("\t"))
        i += 1
    return rows, i


def read_cell_per_line_table(lines, i):
    rows, cells, cell, blanks = [], [], None, 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() and not line.startswith("\t"):
            blanks += 1
            i += 1
            continue
        if line.startswith("\t"):
            if cell is not None:
                cells.append(cell)
                cell = None
            if blanks > 0 and cells:
                rows.append(cells)
                cells = []
            parts = line[1:].split("\t")
            cells.extend(parts[:-1])
            cell = parts[-1]
            blanks = 0
            i += 1
            continue
        if cell is None or blanks >= 2 or SECTION.match(line.strip()):
            break
        cell += "\n" + line
        blanks = 0
        i += 1
    if cell is not None:
        cells.append(cell)
    if cells:
        rows.append(cells)
    return rows, i


def parse_seed(text):
    """Blocks of the seed: ("p", text) and ("table", rows of cells)."""
    lines = text.replace("\r\n", "\n").split("\n")
    blocks, i = [], 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif starts_cell_per_line_run(lines, i):
            rows, i = read_cell_per_line_table(lines, i)
            blocks.append(("table", rows))
        elif is_tab_row(line):
            rows, i = read_tab_table(lines, i)
            blocks.append(("table", rows))
        else:
            blocks.append(("p", line))
            i += 1
    return blocks


# --- HTML --------------------------------------------------------------------------------------------

def inline(text):
    """Markdown bold as <b>; text that is not markup escaped."""
    parts = re.split(r"(<[^>]+>)", text)
    out = "".join(p if p.startswith("<") else html.escape(p, quote=False) for p in parts)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)


def paragraph(line):
    line = line.strip()
    heading = re.match(r"^(#+)\s*(.*)$", line)
    if heading:
        return f"<p><b>{inline(heading.group(2))}</b></p>"
    line = re.sub(r"^[-*]\s+", "", line)
    return f"<p>{inline(line)}</p>"


def cell_html(text):
    # LibreOffice ignores list-style-type: none and would number the items a second time ("1. 1. ...");
    # the plans number them in their text, so the list items are laid out as the paragraphs they read as.
    text = re.sub(r"<ol[^>]*list-style-type:\s*none[^>]*>|</ol>", "", text)
    text = re.sub(r"<li>", "<p>", text)
    text = re.sub(r"</li>", "</p>", text)
    return "<br>".join(inline(part) for part in text.split("\n"))


def table_html(rows, merge_pillar=True):
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]

    # Empty first cells below a filled one continue it (the pillar cell merged down its group); the
    # header row (the first) stands apart.
    spans = [1] * len(rows)
    continued = [False] * len(rows)
    if merge_pillar:
        anchor = None
        for i, row in enumerate(rows):
            if i == 0:
                continue
            if row[0].strip():
                anchor = i
            elif anchor is not None:
                spans[anchor] += 1
                continued[i] = True
    out = ['<table border="1" cellspacing="0" cellpadding="4" width="100%">']
    for i, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if c == 0 and continued[i]:
                continue
            span = f' rowspan="{spans[i]}"' if c == 0 and spans[i] > 1 else ""
            cells.append(f"<td{span}>{cell_html(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def seed_html(path):
    with open(path, encoding="utf-8") as f:
        blocks = parse_seed(f.read())
    body = [paragraph(b[1]) if b[0] == "p" else table_html(b[1]) for b in blocks]
    return PAGE.format(title=os.path.basename(path), body="\n".join(body))


# --- Synthetic tables --------------------------------------------------------------------------------

SPANS = PAGE.format(title="spans", body="""
<p>表格前的段落</p>
<table border="1" cellspacing="0" cellpadding="4" width="100%">
<tr><td>執行要項</td><td>執行重點</td><td>執行單位</td></tr>
<tr><td rowspan="3">甲列跨三列</td><td>乙一</td><td>丙一</td></tr>
<tr><td>乙二<br>第二行</td><td>丙二</td></tr>
<tr><td>乙三</td><td>丙三</td></tr>
<tr><td colspan="2">丁跨兩欄</td><td>戊</td></tr>
</table>
<p>表格後的段落</p>
""")

# A long focus cell at the page break: LibreOffice lets the row break across pages, repeating <thead>.
LONG_CELL = "這一格很長，跨越了頁面的分界。" * 60 + "格子到此為止。"
TWO_PAGES_ROWS = "\n".join(
    f"<tr><td>項目{i}</td><td>{LONG_CELL if i == 12 else f'重點{i}'}</td><td>單位{i}</td></tr>"
    for i in range(1, 21))
TWO_PAGES = PAGE.format(title="two pages", body=f"""
<p>跨頁表格</p>
<table border="1" cellspacing="0" cellpadding="4" width="100%">
<thead><tr><th width="20%">執行要項</th><th width="60%">執行重點</th><th width="20%">執行單位</th></tr></thead>
<tbody>
{TWO_PAGES_ROWS}
</tbody>
</table>
<p>表格後的段落</p>
""")

# The plan of PdfPlanExtractorTests' first test, as a table without borders. Top-aligned cells, as Word
# lays them out: read one row a line, vertically centred cells would interleave their lines.
BORDERLESS = PAGE.format(title="borderless", body="""
<p>高雄市前鎮地政事務所113年度提升服務工作計畫</p>
<table border="0" cellspacing="0" cellpadding="6" width="100%">
<tr valign="top"><td width="28%">執行要項</td><td width="34%">執行重點</td><td width="24%">執行方法</td><td>執行單位</td></tr>
<tr valign="top"><td>一、完備基礎服務項目，注重服務特性差異化</td><td>(一)建立業務標準作業流程，維持服務措施處理一致性；確保資訊提供、問題回應或申辦案件處理的正確性，並適時檢討改進流程與作業方式。</td><td>訂定標準作業流程 訂定登記案件標準作業流程並公開於網站。</td><td>登記課</td></tr>
<tr valign="top"><td></td><td>(二)提供民眾易讀、易懂、易用的服務申辦資訊及進度查詢管道，提升服務流程透明度。</td><td>線上進度查詢 每季檢討線上查詢系統。</td><td>資訊課、測量課</td></tr>
</table>
<p>伍、推動及管考：依市府排定期程辦理。</p>
""")


# The same table as a Writer document (flat ODF): a running head and a page number on every page, and
# the header row repeated by Writer itself (table:table-header-rows). HTML cannot give the page parts.
def fodt_cell(text):
    return f'<table:table-cell table:style-name="Cell" office:value-type="string"><text:p>{html.escape(text)}</text:p></table:table-cell>'


def fodt_row(cells):
    return "<table:table-row>" + "".join(fodt_cell(c) for c in cells) + "</table:table-row>"


HEADS_ROWS = "\n".join(fodt_row([f"項目{i}", LONG_CELL if i == 12 else f"重點{i}", f"單位{i}"]) for i in range(1, 21))
TWO_PAGES_HEADS = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK TC" svg:font-family="'Noto Serif CJK TC'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Noto Serif CJK TC" fo:font-size="11pt" style:font-name-asian="Noto Serif CJK TC" style:font-size-asian="11pt"/></style:default-style>
<style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Plan" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
<style:style style:name="Narrow" style:family="table-column"><style:table-column-properties style:column-width="3.4cm"/></style:style>
<style:style style:name="Wide" style:family="table-column"><style:table-column-properties style:column-width="10.2cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.3cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">
<style:header><text:p>高雄市測試機關113年度提升服務執行計畫</text:p></style:header>
<style:footer><text:p text:style-name="Center">第 <text:page-number text:select-page="current">1</text:page-number> 頁</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
<text:p>跨頁表格</text:p>
<table:table table:name="Plan" table:style-name="Plan">
<table:table-column table:style-name="Narrow"/><table:table-column table:style-name="Wide"/><table:table-column table:style-name="Narrow"/>
<table:table-header-rows>{fodt_row(["執行要項", "執行重點", "執行單位"])}</table:table-header-rows>
{HEADS_ROWS}
</table:table>
<text:p>表格後的段落</text:p>
</office:text></office:body>
</office:document>
"""


# --- LibreOffice -------------------------------------------------------------------------------------

def soffice(source, target_format, outdir):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
        if source.endswith(".html"):
            command.append("--infilter=HTML (StarWriter)")
        command += ["--convert-to", target_format, "--outdir", outdir, source]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    converted = os.path.join(outdir, os.path.splitext(os.path.basename(source))[0] + "." + target_format.split(":")[0])
    if not os.path.exists(converted):
        sys.exit(f"soffice made no {converted}")
    return converted


def make(name, page, work, via_docx=False):
    source = os.path.join(work, name + (".fodt" if page.startswith("<?xml") else ".html"))
    with open(source, "w", encoding="utf-8") as f:
        f.write(page)
    if via_docx:
        source = soffice(source, 'docx:MS Word 2007 XML', work)
    pdf = soffice(source, "pdf:writer_pdf_Export", work)
    shutil.copyfile(pdf, os.path.join(HERE, name + ".pdf"))
    print(f"{name}.pdf")


def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "seeds")
    work = tempfile.mkdtemp(prefix="pdf-fixtures-")
    try:
        for seed in SEEDS:
            make(seed, seed_html(os.path.join(seeds, seed + ".txt")), work)
        make("spans", SPANS, work)
        make("spans-docx", SPANS, work, via_docx=True)
        make("two-pages", TWO_PAGES, work)
        make("two-pages-heads", TWO_PAGES_HEADS, work)
        make("borderless", BORDERLESS, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
