# Saves a workbook as an .xls with an open password through LibreOffice's
# UNO API: the "MS Excel 97" filter with a Password store argument, as
# File > Save As > Excel 97-2003 > Save with password does.
# Usage (Debian: python3-uno, libreoffice-calc-nogui):
#   /usr/bin/python3 encrypt.py SRC DST PASSWORD
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


src, dst, password = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
profile = tempfile.mkdtemp()
pipe = "captrack%d" % os.getpid()
office = subprocess.Popen(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + profile,
                           "--accept=pipe,name=%s;urp;" % pipe])
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(100):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.2)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "MS Excel 97"), prop("Password", password)))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    office.wait(timeout=60)
