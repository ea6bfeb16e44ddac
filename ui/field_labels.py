"""Texts that live in the core (field labels) or in data (section titles), marked here so Qt Linguist's
lupdate finds them; a test keeps this list complete."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

FIELD_LABELS = (
    QT_TRANSLATE_NOOP("Fields", "Accreditation reference"),
    QT_TRANSLATE_NOOP("Fields", "Approved by"),
    QT_TRANSLATE_NOOP("Fields", "Calibrated by"),
    QT_TRANSLATE_NOOP("Fields", "Calibration from"),
    QT_TRANSLATE_NOOP("Fields", "Calibration to"),
    QT_TRANSLATE_NOOP("Fields", "Certificate number"),
    QT_TRANSLATE_NOOP("Fields", "City"),
    QT_TRANSLATE_NOOP("Fields", "Conformity"),
    QT_TRANSLATE_NOOP("Fields", "Conformity statement"),
    QT_TRANSLATE_NOOP("Fields", "Country"),
    QT_TRANSLATE_NOOP("Fields", "Customer"),
    QT_TRANSLATE_NOOP("Fields", "Date of issue"),
    QT_TRANSLATE_NOOP("Fields", "Decision rule"),
    QT_TRANSLATE_NOOP("Fields", "E-mail"),
    QT_TRANSLATE_NOOP("Fields", "Instrument"),
    QT_TRANSLATE_NOOP("Fields", "Inventory number"),
    QT_TRANSLATE_NOOP("Fields", "Item received"),
    QT_TRANSLATE_NOOP("Fields", "Laboratory"),
    QT_TRANSLATE_NOOP("Fields", "Languages of the certificate"),
    QT_TRANSLATE_NOOP("Fields", "Legally binding language(s)"),
    QT_TRANSLATE_NOOP("Fields", "Manufacturer"),
    QT_TRANSLATE_NOOP("Fields", "No."),
    QT_TRANSLATE_NOOP("Fields", "Place of calibration"),
    QT_TRANSLATE_NOOP("Fields", "Post code"),
    QT_TRANSLATE_NOOP("Fields", "Recalibration"),
    QT_TRANSLATE_NOOP("Fields", "Serial number"),
    QT_TRANSLATE_NOOP("Fields", "Street"),
    QT_TRANSLATE_NOOP("Fields", "Type / model"),
)

SECTION_TITLES = (
    QT_TRANSLATE_NOOP("", "Certificate"),
    QT_TRANSLATE_NOOP("", "Laboratory"),
    QT_TRANSLATE_NOOP("", "Customer"),
    QT_TRANSLATE_NOOP("", "Instrument"),
    QT_TRANSLATE_NOOP("", "Persons"),
    QT_TRANSLATE_NOOP("", "Statements"),
)

# Values of DCC enumerations as a person reads them; the XML keeps the schema's own value.
CHOICE_LABELS = (
    QT_TRANSLATE_NOOP("Choices", "laboratory"),
    QT_TRANSLATE_NOOP("Choices", "customer"),
    QT_TRANSLATE_NOOP("Choices", "laboratoryBranch"),
    QT_TRANSLATE_NOOP("Choices", "customerBranch"),
    QT_TRANSLATE_NOOP("Choices", "other"),
    QT_TRANSLATE_NOOP("Choices", "pass"),
    QT_TRANSLATE_NOOP("Choices", "fail"),
    QT_TRANSLATE_NOOP("Choices", "conditionalPass"),
    QT_TRANSLATE_NOOP("Choices", "conditionalFail"),
    QT_TRANSLATE_NOOP("Choices", "noPass"),
    QT_TRANSLATE_NOOP("Choices", "noFail"),
)
