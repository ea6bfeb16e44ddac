"""Regenerate the example certificate documents in ``examples/`` with the core's builder API.

The JSON files are the deliverable (they are what ``coomet-lab dcc build`` and the desktop app read); this script
documents how they were made and keeps them reproducible: ``python scripts/make_examples.py``.
"""

from __future__ import annotations

from pathlib import Path

from coomet_lab.dcc.editing import builder as b
from coomet_lab.dcc.editing.tables import ROLE_ERROR, ROLE_MEASURED, ROLE_REFERENCE, ColumnSpec, make_table
from coomet_lab.dcc.io.document import save_document
from coomet_lab.dcc.model import MeasurementResult, MeasuringEquipments, Text
from coomet_lab.quantities.uncertainty import ExpandedUncertainty

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def thermometer():
    cert = b.new_certificate(
        unique_identifier="UT-2026-00417", country="RU", languages=["ru", "en"], mandatory_languages=["ru"],
        receipt="2026-11-16", begin="2026-11-18", end="2026-11-19", issue="2026-11-20",
    )
    admin = cert.administrative_data
    admin.core_data.identifications = [
        b.identification("customer", "З-2026/1183", {"ru": "Номер заявки", "en": "Order no."}),
    ]
    admin.calibration_laboratory = b.laboratory("RA.RU.311234", b.contact(
        {"ru": "Метрологический центр «УралТест»", "en": "Metrology Centre UralTest"},
        street="ул. Студенческая", street_no="1", post_code="620049", city="Екатеринбург", country="RU",
        e_mail="lab@uraltest.example", phone="+7 343 000-00-00",
    ))
    admin.customer = b.contact(
        {"ru": "АО «Уралхим»", "en": "Uralkhim JSC"},
        street="ул. Промышленная", street_no="12", post_code="614055", city="Пермь", country="RU",
    )
    admin.items.items = [b.item(
        {"ru": "Термометр цифровой с термопреобразователем сопротивления Pt100",
         "en": "Digital thermometer with Pt100 resistance probe"},
        manufacturer={"ru": "НПП «Элемер»", "en": "Elemer"}, model="ETP-2",
        identifications=[
            b.identification("manufacturer", "20417", {"ru": "Заводской номер", "en": "Serial no."}),
            b.identification("customer", "INV-3318", {"ru": "Инвентарный номер", "en": "Inventory no."}),
        ],
    )]
    admin.resp_persons = [
        b.person({"ru": "Смирнова Анна Викторовна", "en": "Anna V. Smirnova"}, "performer"),
        b.person({"ru": "Волков Игорь Петрович", "en": "Igor P. Volkov"}, "approver", main_signer=True),
    ]
    admin.statements = [
        b.statement(
            {"ru": "Соответствие", "en": "Conformity"},
            {"ru": "Отклонения показаний находятся в пределах допуска класса A по ГОСТ 6651-2009 "
                   "(±(0,15 + 0,002·|t|) °C) с учётом правила принятия решения.",
             "en": "The deviations of the indication are within the tolerance of class A according to "
                   "IEC 60751 (±(0.15 + 0.002·|t|) °C), taking the decision rule into account."},
            ref_type="basic_conformity", norms=["ГОСТ 6651-2009", "IEC 60751:2022"], conformity="pass",
        ),
        b.statement(
            {"ru": "Правило принятия решения", "en": "Decision rule"},
            {"ru": "Простое принятие решения по ILAC-G8:09/2019 (защитная полоса w = 0).",
             "en": "Simple acceptance according to ILAC-G8:09/2019 (guard band w = 0)."},
            ref_type="basic_decisionRule", norms=["ILAC-G8:09/2019"],
        ),
        b.statement(
            {"ru": "Прослеживаемость", "en": "Traceability"},
            {"ru": "Результаты прослеживаются к государственному первичному эталону единицы температуры "
                   "ГЭТ 34-2020 через перечисленные эталоны.",
             "en": "The results are traceable to the national primary standard of temperature GET 34-2020 "
                   "through the reference standards listed."},
            ref_type="basic_traceability", traceable=True,
        ),
        b.statement(
            {"ru": "Рекомендуемый интервал калибровки", "en": "Recommended recalibration interval"},
            {"ru": "12 месяцев", "en": "12 months"}, ref_type="basic_recalibration",
        ),
    ]
    result = MeasurementResult(
        name=Text.of({"ru": "Калибровка показаний температуры", "en": "Calibration of the temperature indication"}),
        used_methods=[b.method(
            {"ru": "Сличение с эталонным термометром в жидкостном термостате",
             "en": "Comparison with a reference thermometer in a stirred liquid bath"},
            norms=["ГОСТ 8.461-2009", "DKD-R 5-1:2018"],
        )],
        measuring_equipments=MeasuringEquipments(equipment=[
            b.equipment(
                {"ru": "Эталонный термометр сопротивления ЭТС-100", "en": "Reference resistance thermometer ETS-100"},
                certificate_id="С-ВЯ/12-03-2026/412345678",
                certificate_issuer={"ru": "ФГУП «ВНИИМ им. Д. И. Менделеева»",
                                    "en": "VNIIM (D. I. Mendeleyev Institute)"},
                model="ЭТС-100",
                identifications=[b.identification("manufacturer", "1021",
                                                  {"ru": "Заводской номер", "en": "Serial no."})],
                id="std_ets100",
            ),
            b.equipment(
                {"ru": "Измеритель температуры прецизионный МИТ 8.10", "en": "Precision thermometer bridge MIT 8.10"},
                certificate_id="С-ВЯ/04-04-2026/412399001",
                certificate_issuer={"ru": "ФБУ «УРАЛТЕСТ»", "en": "FBU UralTest"},
                model="МИТ 8.10",
                identifications=[b.identification("manufacturer", "2288",
                                                  {"ru": "Заводской номер", "en": "Serial no."})],
                id="std_mit810",
            ),
        ]),
        influence_conditions=[
            b.condition({"ru": "Температура окружающего воздуха", "en": "Ambient temperature"}, "21.4", "°C",
                        ExpandedUncertainty("0.5"), ref_type="basic_temperature"),
            b.condition({"ru": "Относительная влажность воздуха", "en": "Relative humidity"}, "43", "%",
                        ExpandedUncertainty("3"), ref_type="basic_humidityRelative"),
        ],
        results=[make_table(
            {"ru": "Результаты калибровки", "en": "Calibration results"},
            [
                ColumnSpec({"ru": "Температура эталона", "en": "Reference temperature"}, "°C",
                           ["-39.982", "0.004", "50.011", "99.995", "150.023"], role=ROLE_REFERENCE, id="ref_temp"),
                ColumnSpec({"ru": "Показание термометра", "en": "Indicated temperature"}, "°C",
                           ["-39.95", "0.03", "50.05", "100.06", "150.09"], role=ROLE_MEASURED, ref_id="ref_temp"),
                ColumnSpec({"ru": "Отклонение показания", "en": "Deviation of the indication"}, "K",
                           ["0.032", "0.026", "0.039", "0.065", "0.067"],
                           uncertainties=["0.025", "0.020", "0.020", "0.025", "0.030"], role=ROLE_ERROR,
                           ref_id="ref_temp"),
            ],
            ref_type="basic_measuredValue",
        )],
    )
    cert.measurement_results.results = [result]
    return cert


def pressure_gauge():
    cert = b.new_certificate(
        unique_identifier="NM-2026-0815", country="DE", languages=["de", "en"], mandatory_languages=["de"],
        receipt="2026-11-09", begin="2026-11-12", end="2026-11-12", issue="2026-11-13",
    )
    admin = cert.administrative_data
    admin.calibration_laboratory = b.laboratory("D-K-15178-01-00", b.contact(
        "Kalibrierlabor Nordmess GmbH", street="Hafenstraße", street_no="21", post_code="20457", city="Hamburg",
        country="DE", e_mail="kalibrierung@nordmess.example",
    ))
    admin.customer = b.contact("Hansewerk Anlagenbau AG", street="Werftweg", street_no="4", post_code="21129",
                               city="Hamburg", country="DE")
    admin.items.items = [b.item(
        {"de": "Digitalmanometer, Messbereich 0 bar bis 16 bar (Überdruck)",
         "en": "Digital pressure gauge, range 0 bar to 16 bar (gauge pressure)"},
        manufacturer="WIKA", model="CPG1500",
        identifications=[
            b.identification("manufacturer", "1A2B3C4D", {"de": "Seriennummer", "en": "Serial no."}),
            b.identification("customer", "PM-077", {"de": "Prüfmittelnummer", "en": "Equipment no."}),
        ],
    )]
    admin.resp_persons = [
        b.person("Jonas Petersen", "performer"),
        b.person("Dr. Katrin Albers", "approver", main_signer=True),
    ]
    admin.statements = [
        b.statement(
            {"de": "Entscheidungsregel", "en": "Decision rule"},
            {"de": "Einfache Akzeptanz nach ILAC-G8:09/2019; Toleranz ±0,05 % vom Messbereichsendwert (±0,008 bar).",
             "en": "Simple acceptance according to ILAC-G8:09/2019; tolerance ±0.05 % of full scale (±0.008 bar)."},
            ref_type="basic_decisionRule", norms=["ILAC-G8:09/2019"],
        ),
        b.statement(
            {"de": "Rückführung", "en": "Traceability"},
            {"de": "Die Messergebnisse sind auf nationale Normale der PTB rückgeführt.",
             "en": "The results are traceable to national standards of PTB."},
            ref_type="basic_traceability", traceable=True,
        ),
    ]
    reference = ["0.0000", "4.0002", "8.0001", "12.0003", "16.0002"]

    def table(name, indicated, error, uncertainty):
        return make_table(name, [
            ColumnSpec({"de": "Referenzdruck", "en": "Reference pressure"}, "bar", reference, role=ROLE_REFERENCE),
            ColumnSpec({"de": "Anzeige", "en": "Indication"}, "bar", indicated, role=ROLE_MEASURED),
            ColumnSpec({"de": "Messabweichung", "en": "Measurement error"}, "bar", error,
                       uncertainties=uncertainty, role=ROLE_ERROR),
        ], ref_type="basic_measuredValue")

    def conformity(outcome: str, de: str, en: str):
        return b.statement({"de": "Konformität", "en": "Conformity"}, {"de": de, "en": en},
                           ref_type="basic_conformity", conformity=outcome)

    as_found = MeasurementResult(
        ref_type="basic_asFound",
        name=Text.of({"de": "Vor der Justierung (Eingangszustand)", "en": "As found (before adjustment)"}),
        results=[table({"de": "Kalibrierergebnisse vor der Justierung", "en": "Results before adjustment"},
                       ["0.002", "4.008", "8.013", "12.017", "16.021"],
                       ["0.0020", "0.0078", "0.0129", "0.0167", "0.0208"],
                       ["0.0012", "0.0015", "0.0018", "0.0022", "0.0026"])],
        measurement_meta_data=[conformity(
            "fail", "Die Messabweichungen überschreiten ab 8 bar die Toleranz.",
            "From 8 bar upwards the errors exceed the tolerance.")],
    )
    as_left = MeasurementResult(
        ref_type="basic_asLeft",
        name=Text.of({"de": "Nach der Justierung", "en": "As left (after adjustment)"}),
        results=[table({"de": "Kalibrierergebnisse nach der Justierung", "en": "Results after adjustment"},
                       ["0.000", "4.001", "8.002", "12.002", "16.003"],
                       ["0.0000", "0.0008", "0.0019", "0.0017", "0.0028"],
                       ["0.0012", "0.0015", "0.0018", "0.0022", "0.0026"])],
        measurement_meta_data=[conformity(
            "pass", "Alle Messabweichungen liegen innerhalb der Toleranz.", "All errors are within the tolerance.")],
    )
    mr = cert.measurement_results
    mr.used_methods = [b.method(
        {"de": "Kalibrierung nach DKD-R 6-1, Ablauf B", "en": "Calibration according to DKD-R 6-1, sequence B"},
        norms=["DKD-R 6-1:2014", "EURAMET cg-17 v4.0"],
    )]
    mr.measuring_equipments = MeasuringEquipments(equipment=[b.equipment(
        {"de": "Druckregler und Referenz PPC4", "en": "Pressure controller and reference PPC4"},
        certificate_id="D-K-15070-01-00 2026-03", certificate_issuer="DAkkS-akkreditiertes Labor D-K-15070-01-00",
        certificate_hash="4c1f0b7a3e9d2c58a6b1e7f04d93c2a18b5e6f7a9c0d1e2f3a4b5c6d7e8f9a0b",
        manufacturer="Fluke Calibration", model="PPC4",
        identifications=[b.identification("manufacturer", "1123", {"de": "Seriennummer", "en": "Serial no."})],
    )])
    mr.influence_conditions = [
        b.condition({"de": "Umgebungstemperatur", "en": "Ambient temperature"}, "20.8", "°C",
                    ExpandedUncertainty("0.5"), ref_type="basic_temperature"),
        b.condition({"de": "Luftdruck", "en": "Atmospheric pressure"}, "1012", "hPa",
                    ExpandedUncertainty("1"), ref_type="basic_pressure"),
        b.condition({"de": "Relative Luftfeuchte", "en": "Relative humidity"}, "41", "%",
                    ExpandedUncertainty("3"), ref_type="basic_humidityRelative"),
    ]
    mr.results = [as_found, as_left]
    return cert


def main() -> None:
    save_document(thermometer(), EXAMPLES / "thermometer-pt100-ru-en.json")
    save_document(pressure_gauge(), EXAMPLES / "pressure-gauge-as-found-as-left-de-en.json")


if __name__ == "__main__":
    main()
