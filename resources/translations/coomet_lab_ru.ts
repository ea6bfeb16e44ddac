<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message>
        <location filename="../../ui/dialogs.py" line="41"/>
        <source>New certificate</source>
        <translation>Новый сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="51"/>
        <source>From an earlier certificate…</source>
        <translation>На основе прежнего сертификата…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="57"/>
        <source>Template for the instrument type:</source>
        <translation>Шаблон для типа средства измерений:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="63"/>
        <source>Earlier certificate</source>
        <translation>Прежний сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="64"/>
        <source>Certificates (*.json *.xml)</source>
        <translation>Сертификаты (*.json *.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="81"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="86"/>
        <source>Laboratory (English)</source>
        <translation>Лаборатория (по-английски)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="87"/>
        <source>Laboratory (second language)</source>
        <translation>Лаборатория (на втором языке)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="88"/>
        <source>Second language code</source>
        <translation>Код второго языка</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="89"/>
        <source>Accreditation reference</source>
        <translation>Номер аккредитации</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="90"/>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="90"/>
        <source>No.</source>
        <translation>Дом</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="91"/>
        <source>Post code</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="91"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92"/>
        <source>Country code</source>
        <translation>Код страны</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="93"/>
        <source>Certificate languages</source>
        <translation>Языки сертификата</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="94"/>
        <source>Key file (PKCS#12)</source>
        <translation>Файл ключа (PKCS#12)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="95"/>
        <source>PKCS#11 module</source>
        <translation>Модуль PKCS#11</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="96"/>
        <source>Token label</source>
        <translation>Метка токена</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="97"/>
        <source>Key label on the token</source>
        <translation>Метка ключа на токене</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="98"/>
        <source>Lab CA certificate (trust anchor)</source>
        <translation>Сертификат УЦ лаборатории (доверенный)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="106"/>
        <source>dot (1.5)</source>
        <translation>точка (1.5)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="107"/>
        <source>comma (1,5)</source>
        <translation>запятая (1,5)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="109"/>
        <source>Decimal separator when typing</source>
        <translation>Десятичный разделитель при вводе</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="155"/>
        <source>Issue certificate {0}</source>
        <translation>Выпуск сертификата {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="157"/>
        <source>(none)</source>
        <translation>(не задан)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="163"/>
        <source>sole signer</source>
        <translation>единственная подпись</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="163"/>
        <source>performed the calibration</source>
        <translation>выполнил калибровку</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="164"/>
        <source>approved</source>
        <translation>утвердил</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="172"/>
        <source>Signing key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="173"/>
        <source>Token PIN</source>
        <translation>PIN-код токена</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="173"/>
        <source>Passphrase</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="174"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="176"/>
        <source>Sign and issue</source>
        <translation>Подписать и выпустить</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="180"/>
        <source>Issuing validates the certificate, signs it and stores the signed file. An issued certificate cannot be changed, only amended.</source>
        <translation>При выпуске сертификат проверяется, подписывается и сохраняется подписанным. Выпущенный сертификат нельзя изменить — только заменить исправленным.</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="38"/>
        <source>Certificate</source>
        <translation>Сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="39"/>
        <source>Laboratory</source>
        <translation>Лаборатория</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="40"/>
        <source>Customer</source>
        <translation>Заказчик</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="41"/>
        <source>Instrument</source>
        <translation>Средство измерений</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="42"/>
        <source>Persons</source>
        <translation>Ответственные</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="43"/>
        <source>Statements</source>
        <translation>Заключения</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>&lt;h2&gt;COOMET Lab&lt;/h2&gt;&lt;p&gt;Digital calibration certificates, offline: fill in, check, sign, keep.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;COOMET Lab&lt;/h2&gt;&lt;p&gt;Цифровые сертификаты калибровки без интернета: заполнить, проверить, подписать, хранить.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>New certificate from a template…</source>
        <translation>Новый сертификат по шаблону…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>Open a certificate or draft…</source>
        <translation>Открыть сертификат или черновик…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>Verify a certificate received from elsewhere…</source>
        <translation>Проверить полученный сертификат…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>COOMET Lab</source>
        <translation>COOMET Lab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;Certificate</source>
        <translation>&amp;Сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;Tools</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>&amp;Help</source>
        <translation>Спр&amp;авка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;New from template…</source>
        <translation>&amp;Новый по шаблону…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>Save &amp;as…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Export DCC XML…</source>
        <translation>&amp;Экспорт DCC XML…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Check now</source>
        <translation>&amp;Проверить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Issue (sign)…</source>
        <translation>&amp;Выпустить (подписать)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;Verify a certificate…</source>
        <translation>П&amp;роверить сертификат…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>Cannot use {0}</source>
        <translation>Нельзя использовать {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>new certificate</source>
        <translation>новый сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>Certificates (*.json *.xml *.pdf)</source>
        <translation>Сертификаты (*.json *.xml *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>Cannot open {0}</source>
        <translation>Не удаётся открыть {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Save draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Certificate documents (*.json)</source>
        <translation>Документы сертификатов (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>Export DCC XML</source>
        <translation>Экспорт DCC XML</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>DCC (*.xml)</source>
        <translation>DCC (*.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>Not exported</source>
        <translation>Экспорт не выполнен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Save the changes to {0}?</source>
        <translation>Сохранить изменения в {0}?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Restore unsaved work?</source>
        <translation>Восстановить несохранённую работу?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>COOMET Lab was not closed properly. Restore {0} unsaved certificate(s)?</source>
        <translation>COOMET Lab был закрыт некорректно. Восстановить несохранённые сертификаты ({0})?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>Not ready to issue</source>
        <translation>Выпуск невозможен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>Fix the problems listed under the certificate first.</source>
        <translation>Сначала устраните замечания, перечисленные под сертификатом.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>No signing key</source>
        <translation>Нет ключа подписи</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>Choose a key file or a token in Settings first.</source>
        <translation>Сначала выберите файл ключа или токен в настройках.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="370"/>
        <source>Signing…</source>
        <translation>Подписание…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>Not issued</source>
        <translation>Не выпущен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401"/>
        <source>Issued {0}: {1}</source>
        <translation>Выпущен {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404"/>
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404"/>
        <source>Signed certificates (*.xml *.pdf)</source>
        <translation>Подписанные сертификаты (*.xml *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="418"/>
        <source>Cannot verify {0}</source>
        <translation>Не удаётся проверить {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Verdict: {0}</source>
        <translation>Результат: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <source>Signature {0}: {1}</source>
        <translation>Подпись {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>signed by: {0}</source>
        <translation>подписал: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="430"/>
        <source>role: {0}</source>
        <translation>роль: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="432"/>
        <source>signing time (claimed): {0}</source>
        <translation>время подписи (заявленное): {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>What it says: certificate {0}, calibrated {1} to {2}</source>
        <translation>Содержание: сертификат {0}, калибровка с {1} по {2}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440"/>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="468"/>
        <source>About COOMET Lab</source>
        <translation>О программе COOMET Lab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469"/>
        <source>COOMET Lab {0}
Digital calibration certificates (PTB DCC 3.3.0), offline.</source>
        <translation>COOMET Lab {0}
Цифровые сертификаты калибровки (PTB DCC 3.3.0) без интернета.</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="49"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="54"/>
        <source>Cannot check: {0}</source>
        <translation>Проверка невозможна: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="59"/>
        <source>{0} problem(s) to fix before issuing</source>
        <translation>Замечаний до выпуска: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="61"/>
        <source>Valid DCC {0}: ready to issue</source>
        <translation>DCC {0} соответствует схеме: готов к выпуску</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="104"/>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="143"/>
        <source>Add row</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="143"/>
        <source>Remove row</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="143"/>
        <source>Import CSV/XLSX…</source>
        <translation>Импорт CSV/XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="144"/>
        <source>Round to GUM</source>
        <translation>Округлить по GUM</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="148"/>
        <source>Unit of “{0}”</source>
        <translation>Единица «{0}»</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="183"/>
        <source>change unit</source>
        <translation>смена единицы</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="196"/>
        <source>paste</source>
        <translation>вставка</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="198"/>
        <source>{0} rows pasted</source>
        <translation>Вставлено строк: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="201"/>
        <source>add row</source>
        <translation>добавление строки</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="206"/>
        <source>remove row</source>
        <translation>удаление строки</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="210"/>
        <source>Import values</source>
        <translation>Импорт значений</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="211"/>
        <source>Tables (*.csv *.xlsx *.txt)</source>
        <translation>Таблицы (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="217"/>
        <source>cannot read {0}: {1}</source>
        <translation>не удаётся прочитать {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="223"/>
        <source>import</source>
        <translation>импорт</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="225"/>
        <source>{0} rows imported from {1}</source>
        <translation>Импортировано строк: {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="238"/>
        <source>this column has no uncertainty to round to</source>
        <translation>у этого столбца нет неопределённости для округления</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="243"/>
        <source>already rounded: {0} ± {1}</source>
        <translation>уже округлено: {0} ± {1}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="250"/>
        <source>round to GUM</source>
        <translation>округление по GUM</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="251"/>
        <source>rounded to {0} ± {1}</source>
        <translation>округлено: {0} ± {1}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="288"/>
        <source>This certificate has no calibration table.</source>
        <translation>В этом сертификате нет таблицы результатов.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/field_labels.py" line="7"/>
        <source>Accreditation reference</source>
        <translation>Номер аккредитации</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="8"/>
        <source>Approved by</source>
        <translation>Утвердил</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="9"/>
        <source>Calibrated by</source>
        <translation>Калибровку выполнил</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="10"/>
        <source>Calibration from</source>
        <translation>Калибровка с</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="11"/>
        <source>Calibration to</source>
        <translation>Калибровка по</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="12"/>
        <source>Certificate number</source>
        <translation>Номер сертификата</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="13"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="14"/>
        <source>Conformity</source>
        <translation>Соответствие</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="15"/>
        <source>Conformity statement</source>
        <translation>Заключение о соответствии</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="16"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="17"/>
        <source>Customer</source>
        <translation>Заказчик</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="18"/>
        <source>Date of issue</source>
        <translation>Дата выдачи</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="19"/>
        <source>Decision rule</source>
        <translation>Правило принятия решения</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="20"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="21"/>
        <source>Instrument</source>
        <translation>Средство измерений</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="22"/>
        <source>Inventory number</source>
        <translation>Инвентарный номер</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="23"/>
        <source>Item received</source>
        <translation>Дата поступления</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="24"/>
        <source>Laboratory</source>
        <translation>Лаборатория</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="25"/>
        <source>Languages of the certificate</source>
        <translation>Языки сертификата</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="26"/>
        <source>Legally binding language(s)</source>
        <translation>Юридически значимый язык</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="27"/>
        <source>Manufacturer</source>
        <translation>Изготовитель</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="28"/>
        <source>No.</source>
        <translation>Дом</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="29"/>
        <source>Place of calibration</source>
        <translation>Место калибровки</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="30"/>
        <source>Post code</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="31"/>
        <source>Recalibration</source>
        <translation>Повторная калибровка</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="32"/>
        <source>Serial number</source>
        <translation>Заводской номер</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="33"/>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="34"/>
        <source>Type / model</source>
        <translation>Тип / модель</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../ui/models/findings_model.py" line="16"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="17"/>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="18"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../ui/models/findings_model.py" line="42"/>
        <source>line {0}</source>
        <translation>строка {0}</translation>
    </message>
</context>
</TS>
