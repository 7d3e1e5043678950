# Builds a plan table whose figures, dates and names are formulas in
# LibreOffice Calc, and saves it both as .xls (MS Excel 97) and as .xlsx
# (Calc MS Excel 2007 XML), each with the results LibreOffice computed
# cached in it: formulas.xls and formulas.xlsx.
# Usage (Debian: python3-uno, libreoffice-calc-nogui):
#   /usr/bin/python3 formulas.py OUTDIR
import os
import sys

import uno
from com.sun.star.lang import Locale

import office
from office import prop

ROWS = [
    ["项目名称", "总投资（万元）", "建筑面积（平方米）", "计划开工", "计划完工", "责任单位"],
    ["甲敬老院", "150", "5000", "=DATE(2019;3;1)", "=DATE(2020;12;31)", "县民政局"],
    ['="乙"&"敬老院"', "=B2*2", "=SUM(C2;1000)", "=DATE(2019;10;1)", "=EDATE(D3;14)", "=F2"],
    ["丙敬老院", "=ROUND(B2/3;2)", "=C2+C3", "=D3+31", '=DATEVALUE("2021-06-30")', '=CONCATENATE("县";"民政局")'],
    ["丁敬老院", "=IF(B2>100;B2-0.5;0)", "=AVERAGE(C2:C4)", "2019.1", '=TEXT(DATE(2020;10;1);"yyyy.mm")', '=LEFT(F2;4)'],
]

outdir = os.path.abspath(sys.argv[1])
with office.desktop() as desktop:
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "附件1"
    formats = doc.NumberFormats
    locale = Locale("zh", "CN", "")
    date = formats.queryKey("YYYY-MM-DD", locale, False)
    if date == -1:
        date = formats.addNew("YYYY-MM-DD", locale)
    for r, row in enumerate(ROWS):
        for c, v in enumerate(row):
            cell = sheet.getCellByPosition(c, r)
            if v.startswith("="):
                cell.setFormula(v)
            elif r > 0 and c in (1, 2):
                cell.setValue(float(v))
            elif v == "2019.1":
                cell.setValue(2019.1)
            else:
                cell.setString(v)
            if r > 0 and c in (3, 4) and v.startswith("=") and "TEXT" not in v:
                cell.NumberFormat = date
    doc.calculateAll()
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(outdir, "formulas.xls")), (prop("FilterName", "MS Excel 97"),))
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(outdir, "formulas.xlsx")), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
