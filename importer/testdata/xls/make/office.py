# A headless LibreOffice for the fixture scripts: started with its own
# profile, reached over a UNO pipe, and stopped when the block ends.
# Usage: with office.desktop() as desktop: desktop.loadComponentFromURL(…)
import contextlib
import os
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


@contextlib.contextmanager
def desktop():
    profile = tempfile.mkdtemp()
    pipe = "captrack%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + profile,
                               "--accept=pipe,name=%s;urp;" % pipe])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(100):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.2)
        if ctx is None:
            raise RuntimeError("LibreOffice did not answer on pipe " + pipe)
        d = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        yield d
        try:
            d.terminate()
        except Exception:
            pass
    finally:
        office.wait(timeout=60)
