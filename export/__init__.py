"""Exporters and importers, one module per file format (word.py, excel.py, pdf.py); see registry.py."""
