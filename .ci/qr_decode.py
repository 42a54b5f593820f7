"""Reads back the QR codes that QRCodeTests writes (the SVG a page shows), with zxing-cpp, and checks each holds
its text.

    python3 -m venv /tmp/qr-venv && /tmp/qr-venv/bin/pip install zxing-cpp numpy
    mkdir -p /tmp/qr && QR_DUMP_DIR=/tmp/qr swift test --filter QRCodeTests
    /tmp/qr-venv/bin/python .ci/qr_decode.py /tmp/qr
"""
import pathlib
import re
import sys

import numpy
import zxingcpp

failures = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob("qr-*.txt")):
    text, svg = path.read_text(encoding="utf-8").split("\n", 1)
    side = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    image = numpy.full((side, side), 255, dtype=numpy.uint8)
    # The path is runs of dark modules: M{x},{y}h{width}v1h-{width}z
    for x, y, width in re.findall(r"M(\d+),(\d+)h(\d+)v1h-\d+z", svg):
        image[int(y), int(x):int(x) + int(width)] = 0
    image = image.repeat(4, axis=0).repeat(4, axis=1)
    found = zxingcpp.read_barcodes(image)
    ok = len(found) == 1 and found[0].text == text
    print(("ok  " if ok else "FAIL"), path.name, side - 8, "modules,", repr(found[0].text[:40]) if found else "nothing read")
    failures += not ok
sys.exit(1 if failures else 0)
