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
        <location filename="../../ui/first_run.py" line="112"/>
        <source>Laboratory (English)</source>
        <translation>Лаборатория (по-английски)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="110"/>
        <location filename="../../ui/first_run.py" line="112"/>
        <source>Laboratory (second language)</source>
        <translation>Лаборатория (на втором языке)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="111"/>
        <location filename="../../ui/first_run.py" line="113"/>
        <source>Second language code</source>
        <translation>Код второго языка</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="112"/>
        <location filename="../../ui/first_run.py" line="113"/>
        <source>Accreditation reference</source>
        <translation>Номер аккредитации</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="113"/>
        <location filename="../../ui/first_run.py" line="114"/>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="113"/>
        <location filename="../../ui/first_run.py" line="114"/>
        <source>No.</source>
        <translation>Дом</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="114"/>
        <location filename="../../ui/first_run.py" line="114"/>
        <source>Post code</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="114"/>
        <location filename="../../ui/first_run.py" line="114"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <location filename="../../ui/first_run.py" line="115"/>
        <source>Country code</source>
        <translation>Код страны</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <location filename="../../ui/first_run.py" line="115"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="116"/>
        <location filename="../../ui/first_run.py" line="116"/>
        <source>Verification-mark cipher</source>
        <translation>Шифр знака поверки</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="117"/>
        <location filename="../../ui/first_run.py" line="173"/>
        <source>Certificate languages</source>
        <translation>Языки сертификата</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="118"/>
        <location filename="../../ui/first_run.py" line="273"/>
        <source>Signer (person)</source>
        <translation>Подписывающее лицо</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="119"/>
        <location filename="../../ui/first_run.py" line="271"/>
        <location filename="../../ui/first_run.py" line="305"/>
        <source>Key file (PKCS#12)</source>
        <translation>Файл ключа (PKCS#12)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="120"/>
        <location filename="../../ui/first_run.py" line="272"/>
        <source>PKCS#11 module</source>
        <translation>Модуль PKCS#11</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="121"/>
        <location filename="../../ui/first_run.py" line="272"/>
        <source>Token label</source>
        <translation>Метка токена</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="122"/>
        <location filename="../../ui/first_run.py" line="273"/>
        <source>Key label on the token</source>
        <translation>Метка ключа на токене</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="123"/>
        <source>Lab CA certificate (trust anchor)</source>
        <translation>Сертификат УЦ лаборатории (доверенный)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="130"/>
        <location filename="../../ui/first_run.py" line="269"/>
        <source>Create a lab key pair…</source>
        <translation>Создать ключи лаборатории…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="135"/>
        <source>dot (1.5)</source>
        <translation>точка (1.5)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="136"/>
        <source>comma (1,5)</source>
        <translation>запятая (1,5)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="138"/>
        <source>Decimal separator when typing</source>
        <translation>Десятичный разделитель при вводе</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="144"/>
        <location filename="../../ui/first_run.py" line="174"/>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="198"/>
        <source>Create a lab key pair</source>
        <translation>Создание ключей лаборатории</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="215"/>
        <source>Person who signs</source>
        <translation>Кто подписывает</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="217"/>
        <source>Passphrase again</source>
        <translation>Пароль ещё раз</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="219"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="223"/>
        <source>The private keys are stored encrypted with this passphrase; nobody can recover a forgotten one.</source>
        <translation>Закрытые ключи хранятся зашифрованными этим паролем; забытый пароль восстановить невозможно.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="236"/>
        <source>name the laboratory and the person who signs</source>
        <translation>укажите лабораторию и подписывающее лицо</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="238"/>
        <source>the two passphrases differ</source>
        <translation>пароли не совпадают</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="243"/>
        <source>Creating the keys…</source>
        <translation>Создание ключей…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="245"/>
        <source>Creating keys…</source>
        <translation>Создание ключей…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="294"/>
        <source>Issue certificate {0}</source>
        <translation>Выпуск сертификата {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="297"/>
        <source>(none)</source>
        <translation>(не задан)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="303"/>
        <source>sole signer</source>
        <translation>единственная подпись</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="303"/>
        <source>performed the calibration</source>
        <translation>выполнил калибровку</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="304"/>
        <source>approved</source>
        <translation>утвердил</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="312"/>
        <source>Signing key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="313"/>
        <source>Token PIN</source>
        <translation>PIN-код токена</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="216"/>
        <location filename="../../ui/dialogs.py" line="313"/>
        <location filename="../../ui/first_run.py" line="271"/>
        <source>Passphrase</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="314"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="320"/>
        <source>Why the certificate may be issued all the same</source>
        <translation>Почему сертификат можно выпустить несмотря на это</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="322"/>
        <source>Override reason</source>
        <translation>Основание для выпуска</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="324"/>
        <source>Reference standards</source>
        <translation>Эталоны</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="328"/>
        <source>Sign and issue</source>
        <translation>Подписать и выпустить</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="334"/>
        <source>Issuing validates the certificate, signs it and stores the signed file. An issued certificate cannot be changed, only amended.</source>
        <translation>При выпуске сертификат проверяется, подписывается и сохраняется подписанным. Выпущенный сертификат нельзя изменить — только заменить исправленным.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="362"/>
        <source>Issue the certificate of verification for {0}</source>
        <translation>Выдать свидетельство о поверке: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="363"/>
        <source>Issue the notice of unfitness for {0}</source>
        <translation>Выдать извещение о непригодности: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="372"/>
        <source>Head of the laboratory</source>
        <translation>Руководитель лаборатории</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="373"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="387"/>
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
        <location filename="../../ui/dialogs.py" line="214"/>
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
        <location filename="../../ui/views/verification_form.py" line="133"/>
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
        <location filename="../../ui/main_window.py" line="182"/>
        <source>COOMET Lab</source>
        <translation>COOMET Lab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;Certificate</source>
        <translation>&amp;Сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;Tools</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Help</source>
        <translation>Спр&amp;авка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>&amp;New from template…</source>
        <translation>&amp;Новый по шаблону…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>&amp;Export DCC XML…</source>
        <translation>&amp;Экспорт DCC XML…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>&amp;Check now</source>
        <translation>&amp;Проверить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>&amp;Issue (sign)…</source>
        <translation>&amp;Выпустить (подписать)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>&amp;Verify a certificate…</source>
        <translation>П&amp;роверить сертификат…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332"/>
        <source>new certificate</source>
        <translation>новый сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <location filename="../../ui/views/repository_view.py" line="180"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <source>Certificates (*.json *.xml *.pdf)</source>
        <translation>Сертификаты (*.json *.xml *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>Cannot open {0}</source>
        <translation>Не удаётся открыть {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="447"/>
        <source>Certificate documents (*.json)</source>
        <translation>Документы сертификатов (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="453"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="462"/>
        <source>Export DCC XML</source>
        <translation>Экспорт DCC XML</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="463"/>
        <location filename="../../ui/views/pdf_preview.py" line="59"/>
        <source>DCC (*.xml)</source>
        <translation>DCC (*.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <location filename="../../ui/main_window.py" line="470"/>
        <location filename="../../ui/verification_desk.py" line="179"/>
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
        <location filename="../../ui/main_window.py" line="187"/>
        <source>&amp;Save draft</source>
        <translation>&amp;Сохранить черновик</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>Save draft &amp;as file…</source>
        <translation>Сохранить черновик &amp;как файл…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>&amp;Import received certificates…</source>
        <translation>&amp;Импорт полученных сертификатов…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Save as &amp;template…</source>
        <translation>Сохранить как &amp;шаблон…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>Check the &amp;repository</source>
        <translation>Проверить &amp;хранилище</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>Install DCC &amp;schemas from a folder…</source>
        <translation>Установить &amp;схемы DCC из папки…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>Repository</source>
        <translation>Хранилище</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <location filename="../../ui/verification_desk.py" line="65"/>
        <source>The repository cannot be read</source>
        <translation>Не удаётся прочитать хранилище</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>Opening…</source>
        <translation>Открытие…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Cannot open</source>
        <translation>Не удаётся открыть</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Cannot amend</source>
        <translation>Исправление невозможно</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>Only certificates issued here can be amended.</source>
        <translation>Исправить можно только сертификаты, выпущенные здесь.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>Creating the amendment…</source>
        <translation>Создание исправленного сертификата…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>Export to folder</source>
        <translation>Экспорт в папку</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Exported {0} file(s) to {1}</source>
        <translation>Файлов экспортировано: {0}, в {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>PDF twin not exported</source>
        <translation>PDF-двойник не экспортирован</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Cannot discard</source>
        <translation>Удаление невозможно</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>Issued and received certificates are kept for good.</source>
        <translation>Выпущенные и полученные сертификаты хранятся бессрочно.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>Discard draft</source>
        <translation>Удалить черновик</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>Discard the draft {0}? This cannot be undone.</source>
        <translation>Удалить черновик {0}? Отменить это нельзя.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>Repository check</source>
        <translation>Проверка хранилища</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>Checking the repository…</source>
        <translation>Проверка хранилища…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <location filename="../../ui/main_window.py" line="514"/>
        <source>The draft was not saved</source>
        <translation>Черновик не сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>Cannot start a certificate</source>
        <translation>Не удаётся начать сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>This instrument type has no template yet.</source>
        <translation>Для этого типа средства измерений ещё нет шаблона.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="402"/>
        <source>Cannot open the draft</source>
        <translation>Не удаётся открыть черновик</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="446"/>
        <source>Save draft as file</source>
        <translation>Сохранить черновик как файл</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="476"/>
        <source>Save as template</source>
        <translation>Сохранить как шаблон</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="476"/>
        <source>Name of the instrument type:</source>
        <translation>Наименование типа средства измерений:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="485"/>
        <source>Template “{0}” saved</source>
        <translation>Шаблон «{0}» сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="486"/>
        <source>Template not saved</source>
        <translation>Шаблон не сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="504"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="504"/>
        <source>Save the changes to {0}?</source>
        <translation>Сохранить изменения в {0}?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="535"/>
        <source>Restore unsaved work?</source>
        <translation>Восстановить несохранённую работу?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="560"/>
        <source>Not ready to issue</source>
        <translation>Выпуск невозможен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="560"/>
        <source>Fix the problems listed under the certificate first.</source>
        <translation>Сначала устраните замечания, перечисленные под сертификатом.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <location filename="../../ui/main_window.py" line="612"/>
        <source>No signing key</source>
        <translation>Нет ключа подписи</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <location filename="../../ui/main_window.py" line="612"/>
        <source>Choose a key file or a token in Settings first.</source>
        <translation>Сначала выберите файл ключа или токен в настройках.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="575"/>
        <source>Signing…</source>
        <translation>Подписание…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="579"/>
        <location filename="../../ui/main_window.py" line="601"/>
        <location filename="../../ui/main_window.py" line="666"/>
        <source>Not issued</source>
        <translation>Не выпущен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="684"/>
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="684"/>
        <source>Signed certificates (*.xml *.pdf)</source>
        <translation>Подписанные сертификаты (*.xml *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="701"/>
        <source>Verifying…</source>
        <translation>Проверка подписи…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="702"/>
        <source>Cannot verify {0}</source>
        <translation>Не удаётся проверить {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="712"/>
        <source>Import received certificates</source>
        <translation>Импорт полученных сертификатов</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="713"/>
        <source>Certificates (*.xml *.pdf)</source>
        <translation>Сертификаты (*.xml *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="731"/>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="732"/>
        <source>Not imported</source>
        <translation>Не импортировано</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="110"/>
        <source>Your laboratory</source>
        <translation>Ваша лаборатория</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="111"/>
        <source>As it appears on every certificate. You can change it later in Settings.</source>
        <translation>Как она указывается в каждом свидетельстве. Позже это можно изменить в настройках.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="119"/>
        <source>one to three Cyrillic capitals, e.g. ФБУ</source>
        <translation>от одной до трёх заглавных букв кириллицы, например ФБУ</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="134"/>
        <source>Name the laboratory (in English, in the second language, or both).</source>
        <translation>Укажите название лаборатории (на английском, на втором языке или на обоих).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="136"/>
        <source>The second language code is two small letters, e.g. ru.</source>
        <translation>Код второго языка — две строчные буквы, например ru.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="138"/>
        <source>The country code is two capital letters, e.g. RU.</source>
        <translation>Код страны — две заглавные буквы, например RU.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="140"/>
        <source>The verification-mark cipher is one to three Cyrillic capitals А–Я.</source>
        <translation>Шифр знака поверки — от одной до трёх заглавных букв кириллицы А–Я.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="171"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="172"/>
        <source>The languages of your certificates, and of this application.</source>
        <translation>Языки ваших свидетельств и этого приложения.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="175"/>
        <source>Two-letter codes separated by commas, the mandatory language first (e.g. ru, en).</source>
        <translation>Двухбуквенные коды через запятую, обязательный язык первым (например ru, en).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="189"/>
        <source>Give at least one certificate language.</source>
        <translation>Укажите хотя бы один язык свидетельств.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="192"/>
        <source>Not a two-letter language code: {0}</source>
        <translation>Это не двухбуквенный код языка: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="263"/>
        <source>Signing</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="264"/>
        <source>Certificates are signed with the laboratory&apos;s key. Choose where it comes from.</source>
        <translation>Свидетельства подписываются ключом лаборатории. Выберите, откуда он берётся.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="265"/>
        <source>Create a lab key pair (a lab CA and the signing key of one person)</source>
        <translation>Создать ключи лаборатории (УЦ лаборатории и ключ подписи одного сотрудника)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="266"/>
        <source>Import a PKCS#12 file (.p12, .pfx) issued by the lab&apos;s CA</source>
        <translation>Импортировать файл PKCS#12 (.p12, .pfx), выданный УЦ лаборатории</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="267"/>
        <source>Use a PKCS#11 token or smart card</source>
        <translation>Использовать токен PKCS#11 или смарт-карту</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="268"/>
        <source>Later, in Settings</source>
        <translation>Позже, в настройках</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="270"/>
        <location filename="../../ui/first_run.py" line="385"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="300"/>
        <source>Created: the signing key of {0}, valid until {1}.</source>
        <translation>Создан ключ подписи: {0}, действителен до {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="305"/>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="317"/>
        <source>Create the key pair first (or choose another way to sign).</source>
        <translation>Сначала создайте ключи (или выберите другой способ подписи).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="325"/>
        <source>Choose the PKCS#12 file your CA issued.</source>
        <translation>Выберите файл PKCS#12, выданный вашим УЦ.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="329"/>
        <source>The key file cannot be used: {0}</source>
        <translation>Файл ключа нельзя использовать: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="336"/>
        <source>Choose the PKCS#11 module (a .so or .dll file from the token&apos;s maker).</source>
        <translation>Выберите модуль PKCS#11 (файл .so или .dll от производителя токена).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="338"/>
        <source>Give the token label and the label of the key on it.</source>
        <translation>Укажите метку токена и метку ключа на нём.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="382"/>
        <source>DCC schemas</source>
        <translation>Схемы DCC</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="383"/>
        <source>Certificates are validated offline against PTB&apos;s schemas.</source>
        <translation>Свидетельства проверяются без интернета по схемам PTB.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="384"/>
        <source>Install from a folder (optional)</source>
        <translation>Установить из папки (необязательно)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="396"/>
        <source>No schema set is available yet: choose the folder with PTB&apos;s schemas (a USB stick will do), or install them later from the Tools menu.</source>
        <translation>Схем пока нет: выберите папку со схемами PTB (подойдёт флешка) или установите их позже из меню «Сервис».</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="399"/>
        <source>Available now, without the internet: DCC {0}.</source>
        <translation>Доступны сейчас, без интернета: DCC {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="402"/>
        <location filename="../../ui/main_window.py" line="749"/>
        <source>Folder with PTB&apos;s DCC schemas</source>
        <translation>Папка со схемами DCC PTB</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="428"/>
        <source>These schemas cannot be installed: {0}</source>
        <translation>Эти схемы нельзя установить: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="457"/>
        <source>Welcome to COOMET Lab</source>
        <translation>Добро пожаловать в COOMET Lab</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="475"/>
        <source>The set-up could not be saved: {0}</source>
        <translation>Настройки не удалось сохранить: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="763"/>
        <source>DCC schemas {0} installed</source>
        <translation>Схемы DCC {0} установлены</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="767"/>
        <source>Installing schemas…</source>
        <translation>Установка схем…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="768"/>
        <source>Schemas not installed</source>
        <translation>Схемы не установлены</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="793"/>
        <source>The repository is intact.</source>
        <translation>Хранилище не изменялось.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="794"/>
        <source>{0} problem(s) found: the repository has been changed outside the application.</source>
        <translation>Найдено нарушений: {0}. Хранилище изменено в обход приложения.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="796"/>
        <source>{0} audit entries, {1} records, {2} files ({3} bytes) checked in {4:.2f} s</source>
        <translation>Проверено за {4:.2f} с: записей журнала {0}, записей {1}, файлов {2} ({3} байт)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="805"/>
        <source>Verdict: {0}</source>
        <translation>Результат: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="813"/>
        <source>Signature {0}: {1}</source>
        <translation>Подпись {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="815"/>
        <source>signed by: {0}</source>
        <translation>подписал: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="817"/>
        <source>role: {0}</source>
        <translation>роль: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="819"/>
        <source>signing time (claimed): {0}</source>
        <translation>время подписи (заявленное): {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="825"/>
        <source>What it says: certificate {0}, calibrated {1} to {2}</source>
        <translation>Содержание: сертификат {0}, калибровка с {1} по {2}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="708"/>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="536"/>
        <source>COOMET Lab was not closed properly. Reopen the {0} certificate(s) you were working on?</source>
        <translation>COOMET Lab был закрыт некорректно. Открыть снова сертификаты, с которыми вы работали ({0})?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="605"/>
        <location filename="../../ui/main_window.py" line="665"/>
        <source>Signing and issuing…</source>
        <translation>Подписание и выпуск…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="661"/>
        <location filename="../../ui/main_window.py" line="673"/>
        <source>Issued {0}</source>
        <translation>Выпущен {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="680"/>
        <source>Certificate {0}</source>
        <translation>Сертификат {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="781"/>
        <source>About COOMET Lab</source>
        <translation>О программе COOMET Lab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="782"/>
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
        <location filename="../../ui/verification_desk.py" line="49"/>
        <source>Verification record</source>
        <translation>Запись о поверке</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="88"/>
        <source>Verification #{0} recorded</source>
        <translation>Поверка № {0} записана</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="90"/>
        <location filename="../../ui/verification_desk.py" line="103"/>
        <location filename="../../ui/verification_desk.py" line="157"/>
        <source>Recording…</source>
        <translation>Запись…</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="90"/>
        <location filename="../../ui/verification_desk.py" line="157"/>
        <source>Not recorded</source>
        <translation>Не записано</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="96"/>
        <source>Cannot correct</source>
        <translation>Исправить нельзя</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="96"/>
        <source>Verification #{0} has been exported; Arshin keeps what was sent.</source>
        <translation>Поверка № {0} уже выгружена; в «Аршине» хранится то, что было отправлено.</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="103"/>
        <source>Not corrected</source>
        <translation>Не исправлено</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="109"/>
        <source>Withdraw verification</source>
        <translation>Отозвать запись о поверке</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="110"/>
        <source>Why is verification #{0} withdrawn?</source>
        <translation>Почему запись о поверке № {0} отзывается?</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="115"/>
        <source>Not withdrawn</source>
        <translation>Не отозвано</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="127"/>
        <source>Batch of verifications</source>
        <translation>Пакет поверок</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="128"/>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Таблицы (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="135"/>
        <source>Cannot read {0}</source>
        <translation>Не удаётся прочитать {0}</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="151"/>
        <source>{0} verification(s) recorded from {1}; {2} row(s) left out</source>
        <translation>Записано поверок: {0} из {1}; пропущено строк: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="162"/>
        <source>Folder for the Arshin files</source>
        <translation>Папка для файлов «Аршина»</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="172"/>
        <source>{0} file(s) written to {1}</source>
        <translation>Файлов записано: {0} в {1}</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="173"/>
        <source>Nothing to export: every record has been exported</source>
        <translation>Выгружать нечего: все записи уже выгружены</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="182"/>
        <source>Exporting to Arshin…</source>
        <translation>Выгрузка в «Аршин»…</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="188"/>
        <source>Marked as uploaded: {0}</source>
        <translation>Отмечено как загруженное: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="189"/>
        <source>Not marked</source>
        <translation>Не отмечено</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="192"/>
        <source>Arshin&apos;s reply protocol</source>
        <translation>Протокол ответа «Аршина»</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="192"/>
        <source>XML (*.xml)</source>
        <translation>XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="203"/>
        <location filename="../../ui/views/results_view.py" line="262"/>
        <source>cannot read {0}: {1}</source>
        <translation>не удаётся прочитать {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="208"/>
        <source>{0}: {1} confirmed, {2} rejected</source>
        <translation>{0}: подтверждено {1}, отклонено {2}</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="211"/>
        <source>This reply was already imported for {0}; nothing changed.</source>
        <translation>Этот ответ уже загружен для {0}; ничего не изменилось.</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="212"/>
        <source>#{0} rejected: {1}</source>
        <translation>№ {0} отклонена: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="214"/>
        <source>Arshin&apos;s reply</source>
        <translation>Ответ «Аршина»</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="217"/>
        <source>Importing the reply…</source>
        <translation>Загрузка ответа…</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="217"/>
        <source>Reply not imported</source>
        <translation>Ответ не загружен</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="220"/>
        <source>Write the files of job {0} to</source>
        <translation>Записать файлы задания {0} в</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="224"/>
        <source>Files of job {0} written to {1}</source>
        <translation>Файлы задания {0} записаны в {1}</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="226"/>
        <source>Not written</source>
        <translation>Не записано</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="236"/>
        <source>Type register snapshot</source>
        <translation>Выгрузка реестра типов</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="237"/>
        <source>Snapshots (*.csv *.json)</source>
        <translation>Выгрузки (*.csv *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="244"/>
        <source>{0} instrument type(s) imported</source>
        <translation>Загружено типов СИ: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="245"/>
        <source>Importing the type register…</source>
        <translation>Загрузка реестра типов…</translation>
    </message>
    <message>
        <location filename="../../ui/verification_desk.py" line="245"/>
        <source>Register not imported</source>
        <translation>Реестр не загружен</translation>
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
        <location filename="../../ui/dialogs.py" line="371"/>
        <location filename="../../ui/views/repository_view.py" line="110"/>
        <location filename="../../ui/views/verification_view.py" line="274"/>
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
        <location filename="../../ui/views/verification_view.py" line="93"/>
        <location filename="../../ui/views/verification_view.py" line="210"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/views/repository_view.py" line="111"/>
        <location filename="../../ui/views/standards_view.py" line="72"/>
        <location filename="../../ui/views/standards_view.py" line="161"/>
        <location filename="../../ui/views/verification_form.py" line="44"/>
        <location filename="../../ui/views/verification_view.py" line="94"/>
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
        <location filename="../../ui/views/verification_view.py" line="155"/>
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
        <location filename="../../ui/views/verification_view.py" line="274"/>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <location filename="../../ui/views/standards_view.py" line="160"/>
        <location filename="../../ui/views/verification_view.py" line="274"/>
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
    <message>
        <location filename="../../ui/views/verification_batch.py" line="106"/>
        <source>Batch {0}</source>
        <translation>Пакет {0}</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_batch.py" line="119"/>
        <source>Record all</source>
        <translation>Записать все</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_batch.py" line="121"/>
        <source>Record only the good rows</source>
        <translation>Записать только правильные строки</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_batch.py" line="129"/>
        <source>Red cells have a problem (hover for why); correct them here or in the file. Nothing is recorded until you say so.</source>
        <translation>В красных ячейках ошибка (наведите указатель, чтобы узнать какая); исправьте их здесь или в файле. Ничего не записывается, пока вы не скажете.</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_batch.py" line="140"/>
        <source>{0} row(s): {1} ready, {2} with problems</source>
        <translation>Строк: {0}; готовы {1}, с ошибками {2}</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="43"/>
        <source>Type registration number</source>
        <translation>Регистрационный номер типа</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="43"/>
        <source>Type name</source>
        <translation>Наименование типа</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="44"/>
        <source>Modification</source>
        <translation>Модификация</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="45"/>
        <source>Inventory number</source>
        <translation>Инвентарный номер</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="45"/>
        <source>Year of manufacture</source>
        <translation>Год выпуска</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="46"/>
        <location filename="../../ui/views/verification_view.py" line="94"/>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="46"/>
        <source>Verification date</source>
        <translation>Дата поверки</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="46"/>
        <location filename="../../ui/views/verification_view.py" line="95"/>
        <source>Valid until</source>
        <translation>Действительно до</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="47"/>
        <source>Sticker number</source>
        <translation>Номер наклейки</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="47"/>
        <source>Reasons for unfitness</source>
        <translation>Причины непригодности</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="48"/>
        <source>Verification procedure</source>
        <translation>Методика поверки</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="48"/>
        <source>Verifier</source>
        <translation>Поверитель</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="49"/>
        <source>Standards (register numbers, separated by ;)</source>
        <translation>Эталоны (регистрационные номера через ;)</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="49"/>
        <source>Temperature</source>
        <translation>Температура</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="50"/>
        <source>Pressure</source>
        <translation>Давление</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="50"/>
        <source>Humidity</source>
        <translation>Влажность</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="50"/>
        <source>Mark cipher</source>
        <translation>Шифр знака поверки</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="62"/>
        <source>Correct verification</source>
        <translation>Исправить запись о поверке</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="62"/>
        <source>New verification</source>
        <translation>Новая поверка</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="79"/>
        <source>periodic</source>
        <translation>периодическая</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="80"/>
        <source>primary</source>
        <translation>первичная</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="81"/>
        <source>fit for use</source>
        <translation>пригодно к применению</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="81"/>
        <location filename="../../ui/views/verification_view.py" line="85"/>
        <source>unfit</source>
        <translation>непригодно</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="88"/>
        <source>mark in the passport</source>
        <translation>знак в паспорте</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="89"/>
        <source>mark on the instrument</source>
        <translation>знак на средстве измерений</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="90"/>
        <source>calibration results used</source>
        <translation>использованы результаты калибровки</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="99"/>
        <source>Kind of verification</source>
        <translation>Вид поверки</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="106"/>
        <location filename="../../ui/views/verification_form.py" line="133"/>
        <location filename="../../ui/views/verification_view.py" line="94"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="113"/>
        <source>from the type&apos;s interval</source>
        <translation>по интервалу для типа</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="134"/>
        <source>Procedure, standards and conditions</source>
        <translation>Методика, эталоны и условия</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="221"/>
        <source>Not in the local type register.</source>
        <translation>Нет в локальном реестре типов.</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="227"/>
        <location filename="../../ui/views/verification_view.py" line="280"/>
        <source>primary verification only</source>
        <translation>только первичная поверка</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_form.py" line="228"/>
        <source>{0}: {1}; interval {2}</source>
        <translation>{0}: {1}; интервал {2}</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="34"/>
        <source>recorded</source>
        <translation>записана</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="34"/>
        <source>exported</source>
        <translation>выгружена</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="34"/>
        <source>uploaded</source>
        <translation>загружена</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="35"/>
        <source>confirmed</source>
        <translation>подтверждена</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="35"/>
        <source>rejected</source>
        <translation>отклонена</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="35"/>
        <source>withdrawn</source>
        <translation>отозвана</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="36"/>
        <source>pending</source>
        <translation>ожидает записи</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="36"/>
        <source>written</source>
        <translation>файлы записаны</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="36"/>
        <source>partly confirmed</source>
        <translation>подтверждено частично</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="85"/>
        <source>fit</source>
        <translation>пригодно</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="93"/>
        <source>Verified</source>
        <translation>Дата поверки</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="93"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="95"/>
        <source>Arshin number</source>
        <translation>Номер в «Аршине»</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="148"/>
        <source>New verification…</source>
        <translation>Новая поверка…</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="148"/>
        <source>Import a batch (CSV/XLSX)…</source>
        <translation>Загрузить пакет (CSV/XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="149"/>
        <source>Correct…</source>
        <translation>Исправить…</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="149"/>
        <source>Withdraw…</source>
        <translation>Отозвать…</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="149"/>
        <source>Issue certificate…</source>
        <translation>Выдать свидетельство…</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="164"/>
        <source>{0} shown. {1}</source>
        <translation>Показано: {0}. {1}</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="206"/>
        <source>Export to Arshin…</source>
        <translation>Выгрузить в «Аршин»…</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="206"/>
        <source>Mark as uploaded</source>
        <translation>Отметить как загруженное</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="207"/>
        <source>Import Arshin&apos;s reply…</source>
        <translation>Загрузить ответ «Аршина»…</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="207"/>
        <source>Write the files again…</source>
        <translation>Записать файлы ещё раз…</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="210"/>
        <source>Job / file</source>
        <translation>Задание / файл</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="210"/>
        <location filename="../../ui/views/verification_view.py" line="297"/>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="210"/>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="211"/>
        <source>Upload the written files in Arshin&apos;s personal account (module «Поверки»), mark them as uploaded, then import the reply protocol Arshin gives back: it brings each record&apos;s Arshin number.</source>
        <translation>Загрузите записанные файлы в личном кабинете «Аршина» (модуль «Поверки»), отметьте их как загруженные, затем загрузите протокол, который вернёт «Аршин»: в нём номер каждой записи.</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="218"/>
        <source>Job {0} ({1}, {2})</source>
        <translation>Задание {0} ({1}, {2})</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="272"/>
        <source>Search the type register: number, name, designation, manufacturer</source>
        <translation>Поиск в реестре типов: номер, наименование, обозначение, изготовитель</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="273"/>
        <source>Import a register snapshot…</source>
        <translation>Загрузить выгрузку реестра…</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="274"/>
        <source>Designation</source>
        <translation>Обозначение</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="275"/>
        <source>Interval</source>
        <translation>Интервал</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>Verifications</source>
        <translation>Поверки</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="297"/>
        <source>Outbox</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <location filename="../../ui/views/verification_view.py" line="297"/>
        <source>Type register</source>
        <translation>Реестр типов</translation>
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
