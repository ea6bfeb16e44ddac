"""Legal-metrology verification (поверка): records, their checks, the instrument-type register and batch import.

Renderings of a record (Arshin XML, the verification certificate or notice of unfitness, a DCC stating
conformity) live beside it in this package; storage and the export outbox are in the repository.
"""

from coomet_lab.jurisdictions.ru.batch import COLUMNS, Batch, RowProblem, read_batch, read_rows, records_from_rows
from coomet_lab.jurisdictions.ru.checks import Problem, check_batch, check_record, errors
from coomet_lab.jurisdictions.ru.record import (
    PERIODIC,
    PRIMARY,
    Conditions,
    Means,
    OtherInstrument,
    Protocol,
    ReferenceMaterial,
    VerificationRecord,
)
from coomet_lab.jurisdictions.ru.types import InstrumentType, parse_interval, read_snapshot, valid_until

__all__ = [
    "COLUMNS", "PERIODIC", "PRIMARY", "Batch", "Conditions", "InstrumentType", "Means", "OtherInstrument", "Problem",
    "Protocol", "ReferenceMaterial", "RowProblem", "VerificationRecord", "check_batch", "check_record", "errors",
    "parse_interval", "read_batch", "read_rows", "read_snapshot", "records_from_rows", "valid_until",
]
