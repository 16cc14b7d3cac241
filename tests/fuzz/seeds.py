#!/usr/bin/env python3
"""Writes small, valid seed inputs for each fuzz target (stdlib only, deterministic).

Usage: seeds.py OUT_DIR  ->  OUT_DIR/<target>/<seed files>
"""
import bz2
import gzip
import io
import json
import lzma
import os
import sys
import tarfile
import zipfile

CSV = b"eid,sex,year_of_birth\n1000001,1,1950\n1000002,0,1961\n"


def zip_bytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def tar_bytes(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1700000000
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def xlsx_bytes():
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    return zip_bytes([
        ("xl/workbook.xml", f'<workbook {ns} {rel}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
        ("xl/worksheets/sheet1.xml",
         f'<worksheet {ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
         '<c r="B1" t="inlineStr"><is><t>sex</t></is></c></row>'
         '<row r="2"><c r="A2"><v>1000001</v></c><c r="B2"><v>1</v></c></row></sheetData></worksheet>'),
        ("xl/sharedStrings.xml", f'<sst {ns}><si><t>eid</t></si></sst>'),
    ])


def ods_bytes():
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    return zip_bytes([
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml",
         f'<office:document-content {ns}><office:body><office:spreadsheet><table:table table:name="S">'
         '<table:table-row><table:table-cell><text:p>eid</text:p></table:table-cell></table:table-row>'
         '<table:table-row table:number-rows-repeated="3"><table:table-cell office:value="1000001" '
         'table:number-columns-repeated="2"/></table:table-row></table:table></office:spreadsheet>'
         '</office:body></office:document-content>'),
    ])


def fixture(name):
    """A committed real-tool fixture (tests/data/binary), as a seed."""
    with open(os.path.join(os.path.dirname(__file__), "..", "data", "binary", name), "rb") as f:
        return f.read()


def notebook_bytes():
    nb = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["| a | b |\n", "|---|---|\n", "| 1 | 2 |\n"]},
        {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": ["df"], "outputs": [
            {"output_type": "stream", "name": "stdout", "text": [CSV.decode()]},
            {"output_type": "execute_result", "metadata": {}, "execution_count": 1, "data": {
                "text/plain": ["       eid  sex\n", "0  1000001    1\n", "[9 rows x 2 columns]"],
                "text/html": ["<table><tr><th></th><th>eid</th></tr><tr><th>0</th><td>1</td></tr></table>"]}}]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb).encode()


def fhir_bundle():
    url = "urn:uuid:00000000-0000-4000-8000-000000000001"
    patient = {"resourceType": "Patient", "id": "p1", "name": [{"family": "F", "given": ["G"]}],
               "gender": "male", "birthDate": "1950-01-01", "address": [{"postalCode": "01001"}]}
    obs = {"resourceType": "Observation", "subject": {"reference": url}, "effectiveDateTime": "2020-01-01",
           "valueQuantity": {"value": 1.5}, "contained": [{"resourceType": "Patient", "id": "c"}]}
    return json.dumps({"resourceType": "Bundle", "entry": [{"fullUrl": url, "resource": patient}, {"resource": obs},
                                                          {"resource": {"resourceType": "Bundle", "entry": []}}]},
                      indent=1).encode()


def main():
    out = sys.argv[1]
    html = b"<table><thead><tr><th>eid</th><th>sex</th></tr></thead><tr><td>1</td><td>&amp;</td></tr></table>"
    seeds = {
        "gzip": [gzip.compress(CSV, mtime=0)],
        "bgzf": [gzip.compress(CSV, mtime=0) + gzip.compress(b"", mtime=0)],
        "xz": [lzma.compress(CSV)],
        "bzip2": [bz2.compress(CSV)],
        "archive": [zip_bytes([("a/b.csv", CSV), ("../evil", b"x")]), tar_bytes([("a.csv", CSV)]),
                    fixture("analysis_backup.7z")],
        "xlsx": [xlsx_bytes()],
        "ods": [ods_bytes(), fixture("ukb_pilot.ods")],
        "notebook": [notebook_bytes()],
        "html": [html, fixture("rmarkdown_cohort.html")],
        "json_records": [b'{"eid": 1, "sex": "F"}\n{"eid": 2}\n', b'[{"eid": 1}, {"eid": 2, "x": [1]}]'],
        # BOM (Excel, pandas), none (R, iconv), UTF-32, a lone surrogate, a cut last unit.
        "utf16": [CSV.decode().encode("utf-16"), CSV.decode().encode("utf-16-be"), CSV.decode().encode("utf-32"),
                  b"\xff\xfe" + b"e\x00\x00\xd8i\x00d\x00" * 4, b"\xfe\xff\x00e\x00i\x00"],
        "text_tables": [b"       eid  sex\n0  1000001    1\n[9 rows x 2 columns]\n", b"| a |\n|---|\n| 1 |\n",
                        b"   id postcode\n1  5 ZZ2 1AB\n2  6 ZZ3 2AB\n",
                        b"<pre><code>##   id sex\n## 1 10   F\n##   bmi\n## 1 22</code></pre>"
                        b"<script data-pagedtable-source type=\"application/json\">"
                        b'{"columns":[{"label":["id"],"name":[1]}],"data":[{"1":"5"}]}</script>'],
        "fhir": [fhir_bundle(), b'{"resourceType":"Patient","id":"p1","gender":"female"}\n'
                 b'{"resourceType":"Observation","subject":{"reference":"Patient/p1"},"code":{"coding":[{"code":"1"}]}}\n'],
        "odm": [b'<?xml version="1.0"?><ODM xmlns="http://www.cdisc.org/ns/odm/v1.3"><Study><MetaDataVersion>'
                b'<ItemDef OID="I1" Name="sex"/></MetaDataVersion></Study><ClinicalData><SubjectData SubjectKey="1">'
                b'<ItemData ItemOID="I1" Value="F"/><ItemDataString ItemOID="I2">x</ItemDataString>'
                b'<ItemData ItemOID="I3"><Value>y</Value></ItemData></SubjectData></ClinicalData></ODM>'],
    }
    for target, items in seeds.items():
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        for i, data in enumerate(items):
            with open(os.path.join(d, f"seed{i}"), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
