#!/usr/bin/env bash
# Makes the OpenDocument, old Word and RTF forms of a seed plan, as LibreOffice writes them, for
# OdtPlanExtractorTests and LegacyDocumentConverterTests:
#   Tests/Fixtures/Office/make-fixtures.sh [../shared/seeds/pawnshop-114.txt]
# The text form becomes an HTML page (tab-separated rows as table rows, the pillar cell spanning the
# rows of its group as agencies merge it in Word, cell markup kept), which LibreOffice converts to .odt;
# the .odt is then converted to .doc and .rtf. Needs python3 and soffice. Only plans in tab-separated
# rows (one row a line) are understood; the one-cell-a-line shape (public-works-bureau-105) is not.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seed="${1:-$here/../../../../shared/seeds/pawnshop-114.txt}"
name="$(basename "$seed" .txt)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$seed" "$work/$name.html" <<'PY'
import html, re, sys

lines = open(sys.argv[1], encoding="utf-8").read().replace("\r\n", "\n").split("\n")

def inline(text):
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)

out, rows = [], []

def flush():
    if not rows:
        return
    out.append('<table border="1">')
    for i, cells in enumerate(rows):
        if cells[0] == "" and any(r[0] != "" for r in rows[:i]):
            cells = cells[1:]  # under the pillar cell spanning it
            first = ""
        else:
            span = 1
            while i + span < len(rows) and rows[i + span][0] == "":
                span += 1
            first = f'<td rowspan="{span}">{cells[0]}</td>' if span > 1 else f"<td>{cells[0]}</td>"
            cells = cells[1:]
        out.append("<tr>" + first + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</table>")
    rows.clear()

for line in lines:
    if not line.strip():
        continue
    if "\t" in line:
        rows.append(line.split("\t"))
        continue
    flush()
    heading = re.match(r"^(#{1,6})\s+(.*)$", line)
    if heading:
        level = len(heading.group(1))
        out.append(f"<h{level}>{inline(html.escape(heading.group(2)))}</h{level}>")
    else:
        out.append(f"<p>{inline(line)}</p>")
flush()

with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n' + "\n".join(out) + "\n</body></html>\n")
PY

convert() { soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "$1" --outdir "$work" "$2" >/dev/null; }
# writer_web imports HTML into Writer, so that it saves as a text document rather than a web page.
soffice -env:UserInstallation="file://$work/profile" --headless --infilter="HTML (StarWriter)" --convert-to odt --outdir "$work" "$work/$name.html" >/dev/null
convert doc "$work/$name.odt"
convert rtf "$work/$name.odt"
cp "$work/$name.odt" "$work/$name.doc" "$work/$name.rtf" "$here/"
ls -l "$here/$name".*
