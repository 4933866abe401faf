"""Exporters and importers, one package per file format (word/, excel/, pdf/); see formats.py."""
