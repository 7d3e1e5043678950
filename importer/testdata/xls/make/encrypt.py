# Saves a workbook as an .xls with an open password through LibreOffice's
# UNO API: the "MS Excel 97" filter with a Password store argument, as
# File > Save As > Excel 97-2003 > Save with password does.
# Usage (Debian: python3-uno, libreoffice-calc-nogui):
#   /usr/bin/python3 encrypt.py SRC DST PASSWORD
import os
import sys

import uno

import office

src, dst, password = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
with office.desktop() as desktop:
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (office.prop("Hidden", True),))
    doc.storeToURL(uno.systemPathToFileUrl(dst), (office.prop("FilterName", "MS Excel 97"), office.prop("Password", password)))
    doc.close(True)
