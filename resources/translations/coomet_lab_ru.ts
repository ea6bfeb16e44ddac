<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message>
        <location filename="../../ui/dialogs.py" line="42"/>
        <source>New certificate</source>
        <translation>Новый сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="50"/>
        <source>{0} (saved template)</source>
        <translation>{0} (сохранённый шаблон)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="53"/>
        <source>From an earlier certificate…</source>
        <translation>На основе прежнего сертификата…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="59"/>
        <source>Template for the instrument type:</source>
        <translation>Шаблон для типа средства измерений:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="70"/>
        <source>Earlier certificate</source>
        <translation>Прежний сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="71"/>
        <source>Certificates (*.json *.xml)</source>
        <translation>Сертификаты (*.json *.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="104"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="109"/>
        <source>Laboratory (English)</source>
        <translation>Лаборатория (по-английски)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="110"/>
        <source>Laboratory (second language)</source>
        <translation>Лаборатория (на втором языке)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="111"/>
        <source>Second language code</source>
        <translation>Код второго языка</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="112"/>
        <source>Accreditation reference</source>
        <translation>Номер аккредитации</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="113"/>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="113"/>
        <source>No.</source>
        <translation>Дом</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="114"/>
        <source>Post code</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="114"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>Country code</source>
        <translation>Код страны</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="116"/>
        <source>Certificate languages</source>
        <translation>Языки сертификата</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="117"/>
        <source>Signer (person)</source>
        <translation>Подписывающее лицо</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="118"/>
        <source>Key file (PKCS#12)</source>
        <translation>Файл ключа (PKCS#12)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="119"/>
        <source>PKCS#11 module</source>
        <translation>Модуль PKCS#11</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="120"/>
        <source>Token label</source>
        <translation>Метка токена</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="121"/>
        <source>Key label on the token</source>
        <translation>Метка ключа на токене</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="122"/>
        <source>Lab CA certificate (trust anchor)</source>
        <translation>Сертификат УЦ лаборатории (доверенный)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="129"/>
        <source>Create a lab key pair…</source>
        <translation>Создать ключи лаборатории…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="134"/>
        <source>dot (1.5)</source>
        <translation>точка (1.5)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="135"/>
        <source>comma (1,5)</source>
        <translation>запятая (1,5)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="137"/>
        <source>Decimal separator when typing</source>
        <translation>Десятичный разделитель при вводе</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="143"/>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197"/>
        <source>Create a lab key pair</source>
        <translation>Создание ключей лаборатории</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="212"/>
        <source>Person who signs</source>
        <translation>Кто подписывает</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="214"/>
        <source>Passphrase again</source>
        <translation>Пароль ещё раз</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="216"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="220"/>
        <source>The private keys are stored encrypted with this passphrase; nobody can recover a forgotten one.</source>
        <translation>Закрытые ключи хранятся зашифрованными этим паролем; забытый пароль восстановить невозможно.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="233"/>
        <source>name the laboratory and the person who signs</source>
        <translation>укажите лабораторию и подписывающее лицо</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="235"/>
        <source>the two passphrases differ</source>
        <translation>пароли не совпадают</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="240"/>
        <source>Creating the keys…</source>
        <translation>Создание ключей…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="242"/>
        <source>Creating keys…</source>
        <translation>Создание ключей…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="286"/>
        <source>Issue certificate {0}</source>
        <translation>Выпуск сертификата {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="289"/>
        <source>(none)</source>
        <translation>(не задан)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="295"/>
        <source>sole signer</source>
        <translation>единственная подпись</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="295"/>
        <source>performed the calibration</source>
        <translation>выполнил калибровку</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="296"/>
        <source>approved</source>
        <translation>утвердил</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="304"/>
        <source>Signing key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="305"/>
        <source>Token PIN</source>
        <translation>PIN-код токена</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="213"/>
        <location filename="../../ui/dialogs.py" line="305"/>
        <source>Passphrase</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="306"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="312"/>
        <source>Why the certificate may be issued all the same</source>
        <translation>Почему сертификат можно выпустить несмотря на это</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="314"/>
        <source>Override reason</source>
        <translation>Основание для выпуска</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="316"/>
        <source>Reference standards</source>
        <translation>Эталоны</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="320"/>
        <source>Sign and issue</source>
        <translation>Подписать и выпустить</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="326"/>
        <source>Issuing validates the certificate, signs it and stores the signed file. An issued certificate cannot be changed, only amended.</source>
        <translation>При выпуске сертификат проверяется, подписывается и сохраняется подписанным. Выпущенный сертификат нельзя изменить — только заменить исправленным.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="347"/>
        <source>The certificate lists no reference standards.</source>
        <translation>В сертификате не указаны эталоны.</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="38"/>
        <location filename="../../ui/views/standards_view.py" line="71"/>
        <location filename="../../ui/views/standards_view.py" line="73"/>
        <source>Certificate</source>
        <translation>Сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="211"/>
        <location filename="../../ui/field_labels.py" line="39"/>
        <source>Laboratory</source>
        <translation>Лаборатория</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="40"/>
        <location filename="../../ui/views/repository_view.py" line="110"/>
        <source>Customer</source>
        <translation>Заказчик</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="41"/>
        <location filename="../../ui/views/repository_view.py" line="111"/>
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
        <location filename="../../ui/main_window.py" line="65"/>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>Verify…</source>
        <translation>Проверить…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>COOMET Lab</source>
        <translation>COOMET Lab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>&amp;Certificate</source>
        <translation>&amp;Сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>&amp;Tools</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>&amp;Help</source>
        <translation>Спр&amp;авка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>&amp;New from template…</source>
        <translation>&amp;Новый по шаблону…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;Export DCC XML…</source>
        <translation>&amp;Экспорт DCC XML…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>&amp;Check now</source>
        <translation>&amp;Проверить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>&amp;Issue (sign)…</source>
        <translation>&amp;Выпустить (подписать)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>&amp;Verify a certificate…</source>
        <translation>П&amp;роверить сертификат…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>new certificate</source>
        <translation>новый сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <location filename="../../ui/views/repository_view.py" line="180"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <source>Certificates (*.json *.xml *.pdf)</source>
        <translation>Сертификаты (*.json *.xml *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409"/>
        <source>Cannot open {0}</source>
        <translation>Не удаётся открыть {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>Certificate documents (*.json)</source>
        <translation>Документы сертификатов (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="434"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436"/>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="443"/>
        <source>Export DCC XML</source>
        <translation>Экспорт DCC XML</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="444"/>
        <location filename="../../ui/views/pdf_preview.py" line="59"/>
        <source>DCC (*.xml)</source>
        <translation>DCC (*.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <location filename="../../ui/main_window.py" line="451"/>
        <source>Not exported</source>
        <translation>Экспорт не выполнен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <source>&lt;b&gt;COOMET Lab&lt;/b&gt; — digital calibration certificates, offline: fill in, check, sign, keep.</source>
        <translation>&lt;b&gt;COOMET Lab&lt;/b&gt; — цифровые сертификаты калибровки без интернета: заполнить, проверить, подписать, хранить.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>New certificate…</source>
        <translation>Новый сертификат…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>Open a file…</source>
        <translation>Открыть файл…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>Import received…</source>
        <translation>Импорт полученных…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>&amp;Save draft</source>
        <translation>&amp;Сохранить черновик</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>Save draft &amp;as file…</source>
        <translation>Сохранить черновик &amp;как файл…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Import received certificates…</source>
        <translation>&amp;Импорт полученных сертификатов…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>Save as &amp;template…</source>
        <translation>Сохранить как &amp;шаблон…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>Check the &amp;repository</source>
        <translation>Проверить &amp;хранилище</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>Install DCC &amp;schemas from a folder…</source>
        <translation>Установить &amp;схемы DCC из папки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>Repository</source>
        <translation>Хранилище</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>The repository cannot be read</source>
        <translation>Не удаётся прочитать хранилище</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>Opening…</source>
        <translation>Открытие…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Cannot open</source>
        <translation>Не удаётся открыть</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>Cannot amend</source>
        <translation>Исправление невозможно</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Only certificates issued here can be amended.</source>
        <translation>Исправить можно только сертификаты, выпущенные здесь.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>Creating the amendment…</source>
        <translation>Создание исправленного сертификата…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>Export to folder</source>
        <translation>Экспорт в папку</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>Exported {0} file(s) to {1}</source>
        <translation>Файлов экспортировано: {0}, в {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Cannot discard</source>
        <translation>Удаление невозможно</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Issued and received certificates are kept for good.</source>
        <translation>Выпущенные и полученные сертификаты хранятся бессрочно.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Discard draft</source>
        <translation>Удалить черновик</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>Discard the draft {0}? This cannot be undone.</source>
        <translation>Удалить черновик {0}? Отменить это нельзя.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>Repository check</source>
        <translation>Проверка хранилища</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>Checking the repository…</source>
        <translation>Проверка хранилища…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <location filename="../../ui/main_window.py" line="495"/>
        <source>The draft was not saved</source>
        <translation>Черновик не сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>Cannot start a certificate</source>
        <translation>Не удаётся начать сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>This instrument type has no template yet.</source>
        <translation>Для этого типа средства измерений ещё нет шаблона.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>Cannot open the draft</source>
        <translation>Не удаётся открыть черновик</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427"/>
        <source>Save draft as file</source>
        <translation>Сохранить черновик как файл</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>Save as template</source>
        <translation>Сохранить как шаблон</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>Name of the instrument type:</source>
        <translation>Наименование типа средства измерений:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <source>Template “{0}” saved</source>
        <translation>Шаблон «{0}» сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="467"/>
        <source>Template not saved</source>
        <translation>Шаблон не сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="485"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="485"/>
        <source>Save the changes to {0}?</source>
        <translation>Сохранить изменения в {0}?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="516"/>
        <source>Restore unsaved work?</source>
        <translation>Восстановить несохранённую работу?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="541"/>
        <source>Not ready to issue</source>
        <translation>Выпуск невозможен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="541"/>
        <source>Fix the problems listed under the certificate first.</source>
        <translation>Сначала устраните замечания, перечисленные под сертификатом.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="544"/>
        <source>No signing key</source>
        <translation>Нет ключа подписи</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="544"/>
        <source>Choose a key file or a token in Settings first.</source>
        <translation>Сначала выберите файл ключа или токен в настройках.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556"/>
        <source>Signing…</source>
        <translation>Подписание…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="560"/>
        <location filename="../../ui/main_window.py" line="582"/>
        <source>Not issued</source>
        <translation>Не выпущен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="604"/>
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="604"/>
        <source>Signed certificates (*.xml *.pdf)</source>
        <translation>Подписанные сертификаты (*.xml *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="621"/>
        <source>Verifying…</source>
        <translation>Проверка подписи…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="622"/>
        <source>Cannot verify {0}</source>
        <translation>Не удаётся проверить {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="632"/>
        <source>Import received certificates</source>
        <translation>Импорт полученных сертификатов</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="633"/>
        <source>Certificates (*.xml *.pdf)</source>
        <translation>Сертификаты (*.xml *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="651"/>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="652"/>
        <source>Not imported</source>
        <translation>Не импортировано</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="669"/>
        <source>Folder with PTB&apos;s DCC schemas</source>
        <translation>Папка со схемами DCC PTB</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="683"/>
        <source>DCC schemas {0} installed</source>
        <translation>Схемы DCC {0} установлены</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="687"/>
        <source>Installing schemas…</source>
        <translation>Установка схем…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="688"/>
        <source>Schemas not installed</source>
        <translation>Схемы не установлены</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="713"/>
        <source>The repository is intact.</source>
        <translation>Хранилище не изменялось.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="714"/>
        <source>{0} problem(s) found: the repository has been changed outside the application.</source>
        <translation>Найдено нарушений: {0}. Хранилище изменено в обход приложения.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="716"/>
        <source>{0} audit entries, {1} records, {2} files ({3} bytes) checked in {4:.2f} s</source>
        <translation>Проверено за {4:.2f} с: записей журнала {0}, записей {1}, файлов {2} ({3} байт)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="725"/>
        <source>Verdict: {0}</source>
        <translation>Результат: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="733"/>
        <source>Signature {0}: {1}</source>
        <translation>Подпись {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="735"/>
        <source>signed by: {0}</source>
        <translation>подписал: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="737"/>
        <source>role: {0}</source>
        <translation>роль: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="739"/>
        <source>signing time (claimed): {0}</source>
        <translation>время подписи (заявленное): {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="745"/>
        <source>What it says: certificate {0}, calibrated {1} to {2}</source>
        <translation>Содержание: сертификат {0}, калибровка с {1} по {2}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="628"/>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="517"/>
        <source>COOMET Lab was not closed properly. Reopen the {0} certificate(s) you were working on?</source>
        <translation>COOMET Lab был закрыт некорректно. Открыть снова сертификаты, с которыми вы работали ({0})?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="586"/>
        <source>Signing and issuing…</source>
        <translation>Подписание и выпуск…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="593"/>
        <source>Issued {0}</source>
        <translation>Выпущен {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="600"/>
        <source>Certificate {0}</source>
        <translation>Сертификат {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="701"/>
        <source>About COOMET Lab</source>
        <translation>О программе COOMET Lab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="702"/>
        <source>COOMET Lab {0}
Digital calibration certificates (PTB DCC 3.3.0), offline.</source>
        <translation>COOMET Lab {0}
Цифровые сертификаты калибровки (PTB DCC 3.3.0) без интернета.</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="50"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="55"/>
        <source>Cannot check: {0}</source>
        <translation>Проверка невозможна: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="60"/>
        <source>{0} problem(s) to fix before issuing</source>
        <translation>Замечаний до выпуска: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="62"/>
        <source>Valid DCC {0}: ready to issue</source>
        <translation>DCC {0} соответствует схеме: готов к выпуску</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="113"/>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="114"/>
        <source>Standards</source>
        <translation>Эталоны</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="153"/>
        <source>Add row</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="153"/>
        <source>Remove row</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="153"/>
        <source>Import CSV/XLSX…</source>
        <translation>Импорт CSV/XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="154"/>
        <source>Round to GUM</source>
        <translation>Округлить по GUM</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="157"/>
        <source>Quantities as rows</source>
        <translation>Величины по строкам</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="159"/>
        <source>Unit of “{0}”</source>
        <translation>Единица «{0}»</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="225"/>
        <source>change unit</source>
        <translation>смена единицы</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="241"/>
        <source>paste</source>
        <translation>вставка</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="243"/>
        <source>{0} rows pasted</source>
        <translation>Вставлено строк: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="246"/>
        <source>add row</source>
        <translation>добавление строки</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="251"/>
        <source>remove row</source>
        <translation>удаление строки</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="255"/>
        <source>Import values</source>
        <translation>Импорт значений</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="256"/>
        <source>Tables (*.csv *.xlsx *.txt)</source>
        <translation>Таблицы (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="262"/>
        <source>cannot read {0}: {1}</source>
        <translation>не удаётся прочитать {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="268"/>
        <source>import</source>
        <translation>импорт</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="270"/>
        <source>{0} rows imported from {1}</source>
        <translation>Импортировано строк: {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="283"/>
        <source>this column has no uncertainty to round to</source>
        <translation>у этого столбца нет неопределённости для округления</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="288"/>
        <source>already rounded: {0} ± {1}</source>
        <translation>уже округлено: {0} ± {1}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="295"/>
        <source>round to GUM</source>
        <translation>округление по GUM</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="296"/>
        <source>rounded to {0} ± {1}</source>
        <translation>округлено: {0} ± {1}</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_view.py" line="333"/>
        <source>This certificate has no calibration table.</source>
        <translation>В этом сертификате нет таблицы результатов.</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_preview.py" line="32"/>
        <source>{0} pages</source>
        <translation>Страниц: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_preview.py" line="36"/>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_preview.py" line="41"/>
        <source>Save XML…</source>
        <translation>Сохранить XML…</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_preview.py" line="56"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/pdf_preview.py" line="63"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="98"/>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="98"/>
        <source>issued</source>
        <translation>выпущен</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="98"/>
        <source>received</source>
        <translation>получен</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="100"/>
        <source>open</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="100"/>
        <source>current</source>
        <translation>действует</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="100"/>
        <source>replaced</source>
        <translation>заменён</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="110"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="110"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="110"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="111"/>
        <location filename="../../ui/views/standards_view.py" line="72"/>
        <location filename="../../ui/views/standards_view.py" line="161"/>
        <source>Serial number</source>
        <translation>Заводской номер</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="111"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="171"/>
        <source>Search: number, customer, instrument, serial number, standard…</source>
        <translation>Поиск: номер, заказчик, средство измерений, заводской номер, эталон…</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="175"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="175"/>
        <source>Drafts</source>
        <translation>Черновики</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="175"/>
        <source>Issued</source>
        <translation>Выпущенные</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="176"/>
        <source>Received</source>
        <translation>Полученные</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="180"/>
        <source>Amend…</source>
        <translation>Исправить…</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="180"/>
        <source>Export files…</source>
        <translation>Экспорт файлов…</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="181"/>
        <source>Discard draft…</source>
        <translation>Удалить черновик…</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="191"/>
        <source>{0} entries</source>
        <translation>Записей: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="67"/>
        <source>Reference standards listed in this certificate</source>
        <translation>Эталоны, указанные в этом сертификате</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="68"/>
        <source>The laboratory&apos;s register (expired calibrations in red)</source>
        <translation>Реестр эталонов лаборатории (просроченные — красным)</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="69"/>
        <source>Use in this certificate</source>
        <translation>Указать в этом сертификате</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="70"/>
        <source>Register a standard…</source>
        <translation>Добавить эталон в реестр…</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="71"/>
        <location filename="../../ui/views/standards_view.py" line="72"/>
        <source>Standard</source>
        <translation>Эталон</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="71"/>
        <source>Traceability</source>
        <translation>Прослеживаемость</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="72"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="73"/>
        <source>Due</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="113"/>
        <source>no calibration</source>
        <translation>нет калибровки</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="129"/>
        <source>use standard {0}</source>
        <translation>указан эталон {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="131"/>
        <source>{0} added to the certificate</source>
        <translation>{0} добавлен в сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="159"/>
        <source>Register a reference standard</source>
        <translation>Добавление эталона в реестр</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="160"/>
        <source>Laboratory code</source>
        <translation>Код в лаборатории</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="160"/>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="160"/>
        <source>Manufacturer</source>
        <translation>Изготовитель</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="161"/>
        <source>Type / model</source>
        <translation>Тип / модель</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="161"/>
        <source>Certificate number</source>
        <translation>Номер сертификата</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="162"/>
        <source>Issued by</source>
        <translation>Кем выдан</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="162"/>
        <source>Calibrated on</source>
        <translation>Дата калибровки</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="162"/>
        <source>Calibration due</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="186"/>
        <source>fill in: {0}</source>
        <translation>заполните: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="189"/>
        <source>the due date is before the calibration date</source>
        <translation>срок действия раньше даты калибровки</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <location filename="../../ui/field_labels.py" line="48"/>
        <source>laboratory</source>
        <translation>в лаборатории</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="49"/>
        <source>customer</source>
        <translation>у заказчика</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="50"/>
        <source>laboratoryBranch</source>
        <translation>в филиале лаборатории</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="51"/>
        <source>customerBranch</source>
        <translation>в филиале заказчика</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="52"/>
        <source>other</source>
        <translation>в другом месте</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="53"/>
        <source>pass</source>
        <translation>соответствует</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="54"/>
        <source>fail</source>
        <translation>не соответствует</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="55"/>
        <source>conditionalPass</source>
        <translation>соответствует условно</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="56"/>
        <source>conditionalFail</source>
        <translation>не соответствует условно</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="57"/>
        <source>noPass</source>
        <translation>соответствие не подтверждено</translation>
    </message>
    <message>
        <location filename="../../ui/field_labels.py" line="58"/>
        <source>noFail</source>
        <translation>несоответствие не установлено</translation>
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
