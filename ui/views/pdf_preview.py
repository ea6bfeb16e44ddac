"""The PDF twin shown inside the application (QtPdf), with saving of the exact issued files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from coomet_lab.kernel.atomic import write_bytes_atomic

from ui.i18n import tr


class PdfPreview(QDialog):
    def __init__(self, title: str, pdf: bytes, xml: bytes | None, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.setWindowTitle(title)
        self.pdf, self.xml, self.name = pdf, xml, name
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes)  # kept alive as long as the document reads from it
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("preview:view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.info = QLabel(tr("{0} pages").format(self.document.pageCount()))
        self.info.setObjectName("preview:info")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        save_pdf = QPushButton(tr("Save PDF…"))
        save_pdf.setObjectName("preview:save_pdf")
        save_pdf.clicked.connect(self.save_pdf)
        buttons.addButton(save_pdf, QDialogButtonBox.ButtonRole.ActionRole)
        if xml is not None:
            save_xml = QPushButton(tr("Save XML…"))
            save_xml.setObjectName("preview:save_xml")
            save_xml.clicked.connect(self.save_xml)
            buttons.addButton(save_xml, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)
        layout.addWidget(buttons)
        self.resize(900, 1000)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def save_pdf(self, path: str | None = None) -> Path | None:
        return self._save(self.pdf, path, f"{self.name}.pdf", tr("PDF (*.pdf)"))

    def save_xml(self, path: str | None = None) -> Path | None:
        return self._save(self.xml or b"", path, f"{self.name}.xml", tr("DCC (*.xml)"))

    def _save(self, data: bytes, path: str | None, suggestion: str, pattern: str) -> Path | None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save"), suggestion, pattern)
        if not path:
            return None
        write_bytes_atomic(path, data)  # the exact issued bytes, never re-serialized
        return Path(path)
