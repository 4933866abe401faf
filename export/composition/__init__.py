"""The page composed once: a report turned into printed blocks placed on pages (GB/T 9704).

Pure Python (no python-docx, no reportlab): compose.py decides what prints and how (title lines,
headings, run-in titles, the signature block), lines.py breaks lines on the 公文 grid with Chinese
line-breaking rules, tables.py sizes the statutory tables, pages.py places blocks on pages with
widow/orphan and keep rules. The Word and PDF exports render `compose(report, signed_copy)`.
"""
