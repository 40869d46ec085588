"""Render an agreement as a readable Danish document (docx, html, md)."""
