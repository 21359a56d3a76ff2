<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CallRecordText</name>
    <message>
        <source>Missed call</source>
        <translation>Пропущенный звонок</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>Исходящий звонок</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>a withheld number</source>
        <translation>скрытого номера</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>От %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>От %1 на %2</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>На %1</translation>
    </message>
    <message>
        <source>To %1 from %2</source>
        <translation>На %1 с %2</translation>
    </message>
    <message>
        <source>answered by %1</source>
        <translation>ответил(а) %1</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>без ответа</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>причина: %1</translation>
    </message>
    <message>
        <source>Recording: &lt;%1&gt;</source>
        <translation>Запись: &lt;%1&gt;</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <comment>a deleted phone line</comment>
        <translation>%1 (удалена)</translation>
    </message>
</context>
<context>
    <name>CommentAudience</name>
    <message>
        <source>everyone at %1</source>
        <translation>все контакты компании %1</translation>
    </message>
</context>
<context>
    <name>PhoneTypes</name>
    <message>
        <source>mobile</source>
        <translation>мобильный</translation>
    </message>
    <message>
        <source>work</source>
        <translation>рабочий</translation>
    </message>
    <message>
        <source>home</source>
        <translation>домашний</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>факс</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другой</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Workspace owner</source>
        <translation>Владелец рабочего пространства</translation>
    </message>
</context>
<context>
    <name>SessionAutostart</name>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Не удалось удалить %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Не удалось создать папку для %1.</translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>Cancelled</source>
        <translation>Отменённая</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Новые</translation>
    </message>
</context>
<context>
    <name>linecard::PeopleDirectory</name>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
</context>
<context>
    <name>linecard::TaskListModel</name>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Assignees</source>
        <translation>Исполнители</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Новые</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открытая</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Завершённая</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменённая</translation>
    </message>
    <message>
        <source>%1 or more unread comments</source>
        <translation>Непрочитанных комментариев: %1 и больше</translation>
    </message>
    <message numerus="yes">
        <source>%n unread comment(s)</source>
        <translation>
            <numerusform>%n непрочитанный комментарий</numerusform>
            <numerusform>%n непрочитанных комментария</numerusform>
            <numerusform>%n непрочитанных комментариев</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>linecard::client::CallCenter</name>
    <message>
        <source>The PBX could not place the call: %1</source>
        <translation>АТС не смогла начать звонок: %1</translation>
    </message>
    <message>
        <source>The call could not be attached: %1</source>
        <translation>Не удалось прикрепить звонок: %1</translation>
    </message>
    <message>
        <source>The caller could not be changed: %1</source>
        <translation>Не удалось сменить звонящего: %1</translation>
    </message>
    <message>
        <source>The call could not be taken: %1</source>
        <translation>Не удалось взять звонок: %1</translation>
    </message>
    <message>
        <source>The missed call could not be marked handled: %1</source>
        <translation>Не удалось отметить пропущенный звонок обработанным: %1</translation>
    </message>
    <message>
        <source>“%1” is not a number to call.</source>
        <translation>«%1» — не номер, по которому можно позвонить.</translation>
    </message>
    <message>
        <source>The call could not start: %1</source>
        <translation>Звонок не начался: %1</translation>
    </message>
    <message>
        <source>The call could not be marked as ended: %1</source>
        <translation>Не удалось отметить звонок завершённым: %1</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <comment>a deleted phone line</comment>
        <translation>%1 (удалена)</translation>
    </message>
</context>
<context>
    <name>linecard::client::RestClient</name>
    <message>
        <source>The server does not answer.</source>
        <translation>Сервер не отвечает.</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Сервер ответил кодом %1.</translation>
    </message>
</context>
<context>
    <name>linecard::client::Session</name>
    <message>
        <source>Wrong login or password.</source>
        <translation>Неверный логин или пароль.</translation>
    </message>
    <message>
        <source>Please sign in.</source>
        <translation>Войдите в систему.</translation>
    </message>
    <message>
        <source>The session has ended; please sign in again.</source>
        <translation>Сеанс завершён, войдите снова.</translation>
    </message>
    <message>
        <source>The server sent an unreadable user.</source>
        <translation>Сервер прислал некорректные данные пользователя.</translation>
    </message>
</context>
<context>
    <name>linecard::client::TokenStore</name>
    <message>
        <source>The keychain did not answer.</source>
        <translation>Связка ключей не ответила.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::AccessDialog</name>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>&amp;Take access away</source>
        <translation>&amp;Закрыть доступ</translation>
    </message>
    <message>
        <source>Access for %1</source>
        <translation>Доступ для %1</translation>
    </message>
    <message>
        <source>With access, %1 signs in to Linecard and sees only their own tasks, and in them only the comments addressed to them (as the account settings say). Internal and hidden comments, other contacts, calls and settings stay closed to them.</source>
        <translation>С доступом %1 входит в Linecard и видит только свои задачи, а в них — только адресованные ему комментарии (как задано в настройках аккаунта). Внутренние и скрытые комментарии, другие контакты, звонки и настройки остаются для него закрытыми.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>не короче 8 символов</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Придумать</translation>
    </message>
    <message>
        <source>Make up a password to read out or send to the contact</source>
        <translation>Придумать пароль, чтобы продиктовать или отправить его контакту</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 has access&lt;/b&gt; and signs in as &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;У %1 есть доступ&lt;/b&gt;, логин — &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 has no access.&lt;/b&gt;</source>
        <translation>&lt;b&gt;У %1 нет доступа.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Give access</source>
        <translation>&amp;Дать доступ</translation>
    </message>
    <message>
        <source>The login must not be empty or contain spaces.</source>
        <translation>Логин не может быть пустым или содержать пробелы.</translation>
    </message>
    <message>
        <source>Set a password for the first sign-in.</source>
        <translation>Задайте пароль для первого входа.</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>Пароль должен быть не короче 8 символов.</translation>
    </message>
    <message>
        <source>This login is taken: choose another.</source>
        <translation>Этот логин занят — выберите другой.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
</context>
<context>
    <name>linecard::ui::AccountSettingsDialog</name>
    <message>
        <source>Contacts see only the comments addressed to them</source>
        <translation>Контакты видят только адресованные им комментарии</translation>
    </message>
    <message>
        <source>Share within the client&apos;s company</source>
        <translation>Общий доступ внутри компании клиента</translation>
    </message>
    <message>
        <source>Attach call records as hidden comments</source>
        <translation>Добавлять записи о звонках скрытыми комментариями</translation>
    </message>
    <message>
        <source>Create a contact for an unknown caller</source>
        <translation>Создавать контакт для неизвестного абонента</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Account settings</source>
        <translation>Настройки аккаунта</translation>
    </message>
    <message>
        <source>What contacts with access see</source>
        <translation>Что видят контакты с доступом</translation>
    </message>
    <message>
        <source>Their own comments and those that notify them. Off: every comment of their tasks that is neither internal nor hidden.</source>
        <translation>Свои комментарии и те, в которых их уведомили. Если выключено — все комментарии их задач, кроме внутренних и скрытых.</translation>
    </message>
    <message>
        <source>Also what was addressed to colleagues of their company, and the tasks of their company: a new manager on the client&apos;s side follows the old one&apos;s correspondence.</source>
        <translation>А также то, что адресовано коллегам из их компании, и задачи их компании: новый менеджер со стороны клиента продолжит переписку прежнего.</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <source>the contact&apos;s card</source>
        <translation>карточку контакта</translation>
    </message>
    <message>
        <source>the contact&apos;s last active task</source>
        <translation>последнюю активную задачу контакта</translation>
    </message>
    <message>
        <source>Put a call&apos;s record on:</source>
        <translation>Записывать звонок в:</translation>
    </message>
    <message>
        <source>Only who took the call (or whom it rang) and administrators see them. Call records are never shown to contacts.</source>
        <translation>Их видят только ответивший (или те, кому звонили) и администраторы. Контактам записи о звонках не показываются никогда.</translation>
    </message>
    <message>
        <source>The server sent unreadable settings: %1</source>
        <translation>Сервер прислал нечитаемые настройки: %1</translation>
    </message>
    <message>
        <source>The settings could not be loaded: %1</source>
        <translation>Не удалось загрузить настройки: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Телефонные номера</translation>
    </message>
    <message>
        <source>Numbers without a country code are from:</source>
        <translation>Номера без кода страны — из:</translation>
    </message>
    <message>
        <source>Numbers are stored with their country code and shown in international format. A line can have a region of its own for the national numbers its trunk sends.</source>
        <translation>Номера хранятся с кодом страны и показываются в международном формате. У линии может быть свой регион — для местных номеров, которые присылает её транк.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ActivityDelegate</name>
    <message>
        <source>Task #%1</source>
        <translation>Задача #%1</translation>
    </message>
    <message>
        <source>Hidden — visible to: %1</source>
        <translation>Скрытый — видят: %1</translation>
    </message>
    <message>
        <source>Not visible to contacts</source>
        <translation>Не видно контактам</translation>
    </message>
    <message>
        <source>Notified: %1</source>
        <translation>Уведомлены: %1</translation>
    </message>
    <message>
        <source>Call record</source>
        <translation>Запись звонка</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ActivityFeedView</name>
    <message>
        <source>Activity</source>
        <translation>Лента действий</translation>
    </message>
    <message>
        <source>Could not load the activity: %1</source>
        <translation>Не удалось загрузить ленту действий: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>No comments yet on this contact or its tasks.</source>
        <translation>У этого контакта и его задач пока нет комментариев.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::AdminWindow</name>
    <message>
        <source>Administration</source>
        <translation>Администрирование</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Люди</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>&amp;Линии</translation>
    </message>
    <message>
        <source>P&amp;BX providers</source>
        <translation>&amp;АТС</translation>
    </message>
</context>
<context>
    <name>linecard::ui::CallCommentDialog</name>
    <message>
        <source>&amp;Hidden from contacts</source>
        <translation>&amp;Скрыт от контактов</translation>
    </message>
    <message>
        <source>Comment on the call</source>
        <translation>Комментарий к звонку</translation>
    </message>
    <message>
        <source>%1&apos;s card</source>
        <translation>Карточка: %1</translation>
    </message>
    <message>
        <source>Task #%1 %2</source>
        <translation>Задача №%1 %2</translation>
    </message>
    <message>
        <source>What the caller wants, what was agreed…</source>
        <translation>Что хочет звонящий, о чём договорились…</translation>
    </message>
    <message>
        <source>Every employee sees it; no contact does.</source>
        <translation>Видят все сотрудники, ни один контакт не видит.</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>&amp;Где:</translation>
    </message>
    <message>
        <source>The caller has no card to comment on; open a task instead.</source>
        <translation>У звонящего нет карточки для комментария — откройте задачу.</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>Сначала напишите комментарий.</translation>
    </message>
    <message>
        <source>Not posted: %1</source>
        <translation>Не отправлено: %1</translation>
    </message>
</context>
<context>
    <name>linecard::ui::CallListModel</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Линия</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Name at the time</source>
        <translation>Имя на момент звонка</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Звонит</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>Набор</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <source>Answered by %1</source>
        <translation>Ответил(а) %1</translation>
    </message>
    <message>
        <source>Answered on a shared handset</source>
        <translation>Принят на общей трубке</translation>
    </message>
    <message>
        <source>Ended, %1</source>
        <translation>Завершён, %1</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>, marked as ended by %1</source>
        <translation>, завершён вручную: %1</translation>
    </message>
    <message>
        <source>Missed, handled</source>
        <translation>Пропущен, обработан</translation>
    </message>
    <message>
        <source>Missed</source>
        <comment>a call&apos;s state</comment>
        <translation>Пропущен</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>Очередь: %1</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>скрыт</translation>
    </message>
</context>
<context>
    <name>linecard::ui::CallTaskPanel</name>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>The task opened before this one</source>
        <translation>Задача, открытая перед этой</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>Attach the call here</source>
        <translation>Прикрепить звонок сюда</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the task and give the card the room</source>
        <translation>Закрыть задачу и отдать место карточке</translation>
    </message>
    <message>
        <source>The call is attached here</source>
        <translation>Звонок прикреплён сюда</translation>
    </message>
</context>
<context>
    <name>linecard::ui::CallTrayLink</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>Пропущенный звонок</translation>
    </message>
</context>
<context>
    <name>linecard::ui::CallWindow</name>
    <message>
        <source>&amp;Attach to a task…</source>
        <translation>&amp;Прикрепить к задаче…</translation>
    </message>
    <message>
        <source>New &amp;comment…</source>
        <translation>Новый &amp;комментарий…</translation>
    </message>
    <message>
        <source>This is the caller</source>
        <translation>Звонит этот контакт</translation>
    </message>
    <message>
        <source>The call&apos;s record goes to the task you choose</source>
        <translation>Запись о звонке попадёт в выбранную задачу</translation>
    </message>
    <message>
        <source>Write a comment; the call&apos;s record joins it</source>
        <translation>Напишите комментарий — запись о звонке присоединится к нему</translation>
    </message>
    <message>
        <source>Incoming call — ringing</source>
        <translation>Входящий звонок — звонит</translation>
    </message>
    <message>
        <source>Outgoing call — ringing</source>
        <translation>Исходящий звонок — вызов</translation>
    </message>
    <message>
        <source>On the line</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <source>Answered by %1</source>
        <translation>Ответил(а) %1</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Отвечен</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>Завершён: %1</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Пропущен</translation>
    </message>
    <message>
        <source>Unknown line</source>
        <translation>Неизвестная линия</translation>
    </message>
    <message>
        <source>number withheld</source>
        <translation>номер скрыт</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>От %1</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>Кому: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The caller&apos;s number is withheld or internal: there is no card to show.</source>
        <translation>Номер звонящего скрыт или внутренний: карточки нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts have this number:</source>
        <translation>
            <numerusform>Этот номер у %n контакта:</numerusform>
            <numerusform>Этот номер у %n контактов:</numerusform>
            <numerusform>Этот номер у %n контактов:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The call&apos;s record goes with your comment.</source>
        <translation>Запись о звонке будет в вашем комментарии.</translation>
    </message>
    <message>
        <source>The call&apos;s record goes to task #%1.</source>
        <translation>Запись о звонке попадёт в задачу №%1.</translation>
    </message>
    <message>
        <source>The call&apos;s record goes to task “%1”.</source>
        <translation>Запись о звонке попадёт в задачу «%1».</translation>
    </message>
    <message>
        <source>Not attached: the record goes where the account settings say.</source>
        <translation>Не прикреплён: запись попадёт туда, куда велят настройки аккаунта.</translation>
    </message>
    <message>
        <source>The call is now %1&apos;s.</source>
        <translation>Звонок теперь привязан к контакту %1.</translation>
    </message>
    <message>
        <source>Marked as ended by %1</source>
        <translation>Завершён вручную: %1</translation>
    </message>
    <message>
        <source>%1 · queue %2</source>
        <translation>%1 · очередь %2</translation>
    </message>
</context>
<context>
    <name>linecard::ui::CallsPanel</name>
    <message>
        <source>&amp;Open the call</source>
        <translation>&amp;Открыть звонок</translation>
    </message>
    <message>
        <source>&amp;Take the call</source>
        <translation>&amp;Взять звонок</translation>
    </message>
    <message>
        <source>Call &amp;back</source>
        <translation>Перез&amp;вонить</translation>
    </message>
    <message>
        <source>Mark &amp;handled</source>
        <translation>Отметить &amp;обработанным</translation>
    </message>
    <message>
        <source>Open the &amp;contact</source>
        <translation>Открыть &amp;контакт</translation>
    </message>
    <message>
        <source>Become the owner of a call answered on a shared handset</source>
        <translation>Стать владельцем звонка, принятого на общей трубке</translation>
    </message>
    <message>
        <source>Nobody needs to call back: take it off the team&apos;s list</source>
        <translation>Перезванивать не нужно: убрать из списка команды</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Текущие</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Пропущенные</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>The line an outgoing call goes out on</source>
        <translation>Линия, с которой уходит исходящий звонок</translation>
    </message>
    <message>
        <source>Call out &amp;on:</source>
        <translation>Звонить &amp;с линии:</translation>
    </message>
    <message>
        <source>Dialling %1…</source>
        <translation>Набираем %1…</translation>
    </message>
    <message>
        <source>Your phone rings first: pick it up to call %1.</source>
        <translation>Сначала зазвонит ваш телефон: снимите трубку, чтобы позвонить на %1.</translation>
    </message>
    <message>
        <source>the call&apos;s own line</source>
        <translation>линия самого звонка</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Current (%1)</source>
        <translation>Текущие (%1)</translation>
    </message>
    <message>
        <source>Missed (%1)</source>
        <translation>Пропущенные (%1)</translation>
    </message>
    <message>
        <source>Mark as &amp;ended</source>
        <translation>Отметить &amp;завершённым</translation>
    </message>
    <message>
        <source>The call is over but the PBX never said so: end it for everyone</source>
        <translation>Разговор закончился, но АТС об этом не сообщила: завершить звонок для всех</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ClientStartup</name>
    <message>
        <source>No keychain service is running (%1); the sign-in token is kept in a file only you can read.</source>
        <translation>Служба хранения паролей не запущена (%1); токен входа сохранён в файле, доступном только вам.</translation>
    </message>
    <message>
        <source>Opening the local workspace…</source>
        <translation>Открытие локального рабочего пространства…</translation>
    </message>
    <message>
        <source>The local workspace could not start: %1</source>
        <translation>Не удалось запустить локальное рабочее пространство: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
</context>
<context>
    <name>linecard::ui::CommentDelegate</name>
    <message>
        <source>Missed call from %1</source>
        <translation>Пропущенный звонок с %1</translation>
    </message>
    <message>
        <source>Incoming call from %1, %2</source>
        <translation>Входящий звонок с %1, %2</translation>
    </message>
    <message>
        <source>Outgoing call to %1, %2</source>
        <translation>Исходящий звонок на %1, %2</translation>
    </message>
    <message>
        <source>Hidden: only the author and administrators see it</source>
        <translation>Скрытый: видят только автор и администраторы</translation>
    </message>
    <message>
        <source>Hidden: visible to %1 (and administrators)</source>
        <translation>Скрытый: видят %1 (и администраторы)</translation>
    </message>
    <message>
        <source>Not visible to contacts</source>
        <translation>Не видно контактам</translation>
    </message>
    <message>
        <source>Notified: %1</source>
        <translation>Уведомлены: %1</translation>
    </message>
    <message>
        <source>from a contact</source>
        <translation>от контакта</translation>
    </message>
    <message>
        <source>to a contact</source>
        <translation>контакту</translation>
    </message>
    <message>
        <source>Call record</source>
        <translation>Запись о звонке</translation>
    </message>
</context>
<context>
    <name>linecard::ui::CommentListView</name>
    <message>
        <source>Copy text</source>
        <translation>Копировать текст</translation>
    </message>
</context>
<context>
    <name>linecard::ui::CompanyField</name>
    <message>
        <source>Type to find a company</source>
        <translation>Начните вводить название компании</translation>
    </message>
</context>
<context>
    <name>linecard::ui::Composer</name>
    <message>
        <source>Notify…</source>
        <translation>Уведомить…</translation>
    </message>
    <message>
        <source>Visible to…</source>
        <translation>Кому видно…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Напишите ответ… (Ctrl+Enter — отправить)</translation>
    </message>
    <message>
        <source>Write a comment… (Ctrl+Enter sends)</source>
        <translation>Напишите комментарий… (Ctrl+Enter — отправить)</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Скрытый</translation>
    </message>
    <message>
        <source>A hidden comment: only the people you pick, you and the administrators see it</source>
        <translation>Скрытый комментарий: его видят только выбранные вами люди, вы и администраторы</translation>
    </message>
    <message>
        <source>Not for contacts</source>
        <translation>Не для контактов</translation>
    </message>
    <message>
        <source>Internal: every employee sees it, no contact ever does</source>
        <translation>Внутренний: его видят все сотрудники и не видит ни один контакт</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>никого</translation>
    </message>
    <message>
        <source>only you and administrators</source>
        <translation>только вы и администраторы</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Отправить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <source>Show the comment as it will read (Markdown)</source>
        <translation>Показать комментарий так, как его прочтут (Markdown)</translation>
    </message>
    <message>
        <source>counterparty</source>
        <translation>контрагент</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>исполнитель</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>участник</translation>
    </message>
    <message>
        <source>Your reply goes to the people working on this task.</source>
        <translation>Ваш ответ получат исполнители этой задачи.</translation>
    </message>
    <message>
        <source>Your reply goes to: %1</source>
        <translation>Ваш ответ получат: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Visible to contacts:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Увидят контакты:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Hidden: only you, the people picked and administrators will see it.</source>
        <translation>Скрытый: увидят только вы, выбранные люди и администраторы.</translation>
    </message>
    <message>
        <source>Internal: employees only, no contact will see it.</source>
        <translation>Внутренний: только для сотрудников, контакты его не увидят.</translation>
    </message>
    <message>
        <source>Only employees will see it.</source>
        <translation>Увидят только сотрудники.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Не отправлено: %1</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ConnectionIndicator</name>
    <message>
        <source>● Online</source>
        <translation>● В сети</translation>
    </message>
    <message>
        <source>○ Connecting…</source>
        <translation>○ Подключение…</translation>
    </message>
    <message numerus="yes">
        <source>○ Connection lost — retrying in %n s</source>
        <translation>
            <numerusform>○ Связь потеряна — повтор через %n секунду</numerusform>
            <numerusform>○ Связь потеряна — повтор через %n секунды</numerusform>
            <numerusform>○ Связь потеряна — повтор через %n секунд</numerusform>
        </translation>
    </message>
    <message>
        <source>○ Connection lost — retrying…</source>
        <translation>○ Связь потеряна — переподключение…</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Не в сети</translation>
    </message>
    <message>
        <source>Live updates from the server. What you type is kept while offline.</source>
        <translation>Обновления с сервера в реальном времени. Набранный текст сохраняется и без связи.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ContactCard</name>
    <message>
        <source>Choose a contact to see its card.</source>
        <translation>Выберите контакт, чтобы открыть его карточку.</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Edit the name, phones, e-mails and fields</source>
        <translation>Изменить имя, телефоны, e-mail и поля</translation>
    </message>
    <message>
        <source>New &amp;task</source>
        <translation>Новая &amp;задача</translation>
    </message>
    <message>
        <source>With this contact as &amp;counterparty</source>
        <translation>С этим контактом в роли &amp;контрагента</translation>
    </message>
    <message>
        <source>&amp;Assigned to this contact</source>
        <translation>С этим контактом в роли &amp;исполнителя</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Объединить…</translation>
    </message>
    <message>
        <source>Merge with another record of the same person</source>
        <translation>Объединить с другой записью этого же человека</translation>
    </message>
    <message>
        <source>A&amp;ccess…</source>
        <translation>Д&amp;оступ…</translation>
    </message>
    <message>
        <source>Let this contact sign in and follow their tasks</source>
        <translation>Дать контакту входить в систему и следить за своими задачами</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Contact #%1 was merged into this one.</source>
        <translation>Контакт #%1 объединён с этим.</translation>
    </message>
    <message>
        <source>Contact not available</source>
        <translation>Контакт недоступен</translation>
    </message>
    <message>
        <source>This contact does not exist, or you may not see it.</source>
        <translation>Этот контакт не существует или недоступен вам.</translation>
    </message>
    <message>
        <source>Could not load the contact: %1</source>
        <translation>Не удалось загрузить контакт: %1</translation>
    </message>
    <message>
        <source>The server sent an unreadable contact: %1</source>
        <translation>Сервер прислал некорректные данные контакта: %1</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Open the company&apos;s card</source>
        <translation>Открыть карточку компании</translation>
    </message>
    <message>
        <source>No company</source>
        <translation>Без компании</translation>
    </message>
    <message>
        <source>“%1” was merged into this contact.</source>
        <translation>Контакт «%1» объединён с этим.</translation>
    </message>
    <message>
        <source>“%1” (#%2) was merged into this contact.</source>
        <translation>Контакт «%1» (#%2) объединён с этим.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ContactDetails</name>
    <message>
        <source>dialling…</source>
        <translation>набираем…</translation>
    </message>
    <message>
        <source>Call this number</source>
        <translation>Позвонить на этот номер</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>не назначен</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ContactDialog</name>
    <message>
        <source>This is a company</source>
        <translation>Это компания</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Add a phone</source>
        <translation>Добавить телефон</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Add an e-mail</source>
        <translation>Добавить e-mail</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Add a field</source>
        <translation>Добавить поле</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Новый контакт</translation>
    </message>
    <message>
        <source>Person or company name</source>
        <translation>Имя человека или название компании</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <source>&amp;Responsible:</source>
        <translation>&amp;Ответственный:</translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation>Телефоны:</translation>
    </message>
    <message>
        <source>E-mails:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Custom fields:</source>
        <translation>Дополнительные поля:</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Не назначен</translation>
    </message>
    <message>
        <source>Edit contact — %1</source>
        <translation>Редактирование контакта — %1</translation>
    </message>
    <message>
        <source>Give each custom field a name.</source>
        <translation>Укажите название каждого дополнительного поля.</translation>
    </message>
    <message>
        <source>The field “%1” appears twice.</source>
        <translation>Поле «%1» указано дважды.</translation>
    </message>
    <message>
        <source>Give the contact a name.</source>
        <translation>Укажите имя контакта.</translation>
    </message>
    <message>
        <source>Choose the company from the list, or clear the field.</source>
        <translation>Выберите компанию из списка или очистите поле.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>«%1» — не номер телефона.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>«%1» — не адрес e-mail.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ContactField</name>
    <message>
        <source>Name, company, phone or email</source>
        <translation>Имя, компания, телефон или e-mail</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ContactItemDelegate</name>
    <message>
        <source>company</source>
        <translation>компания</translation>
    </message>
    <message>
        <source>no phone or e-mail</source>
        <translation>нет телефона и e-mail</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ContactPicker</name>
    <message>
        <source>Name, company, e-mail or phone digits</source>
        <translation>Имя, компания, e-mail или цифры телефона</translation>
    </message>
    <message>
        <source>Could not search: %1</source>
        <translation>Ошибка поиска: %1</translation>
    </message>
    <message>
        <source>Type to search.</source>
        <translation>Начните вводить для поиска.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>No other contact matches.</source>
        <translation>Других подходящих контактов нет.</translation>
    </message>
    <message>
        <source>Find a contact</source>
        <translation>Найти контакт</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ContactTasksView</name>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <source>Open tasks only</source>
        <translation>Только открытые задачи</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Done and cancelled tasks too</source>
        <translation>Включая завершённые и отменённые</translation>
    </message>
    <message>
        <source>Could not load the tasks: %1</source>
        <translation>Не удалось загрузить задачи: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>No tasks.</source>
        <translation>Задач нет.</translation>
    </message>
    <message>
        <source>No active tasks.</source>
        <translation>Активных задач нет.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ContactsPanel</name>
    <message>
        <source>New contact…</source>
        <translation>Новый контакт…</translation>
    </message>
    <message>
        <source>Could not search: %1</source>
        <translation>Ошибка поиска: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Контактов пока нет.</translation>
    </message>
    <message>
        <source>No contact matches “%1”.</source>
        <translation>Нет контактов по запросу «%1».</translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation>1 контакт</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contacts shown, more below</source>
        <translation>
            <numerusform>Показан %n контакт, ниже есть ещё</numerusform>
            <numerusform>Показано %n контакта, ниже есть ещё</numerusform>
            <numerusform>Показано %n контактов, ниже есть ещё</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact list</source>
        <translation>Список контактов</translation>
    </message>
</context>
<context>
    <name>linecard::ui::DesktopIntegration</name>
    <message>
        <source>Call a number</source>
        <translation>Позвонить по номеру</translation>
    </message>
    <message>
        <source>“%1” is not a phone number to call.</source>
        <translation>«%1» — не номер телефона, по которому можно позвонить.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::DialOfferDialog</name>
    <message>
        <source>Call a number</source>
        <translation>Позвонить по номеру</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <source>%1 — dial it once the call connects</source>
        <translation>%1 — наберите его, когда звонок соединится</translation>
    </message>
    <message>
        <source>Extension:</source>
        <translation>Добавочный:</translation>
    </message>
    <message>
        <source>Default line</source>
        <translation>Линия по умолчанию</translation>
    </message>
    <message>
        <source>&amp;Line:</source>
        <translation>&amp;Линия:</translation>
    </message>
    <message>
        <source>Your phone rings first; the call to the number starts when you pick up.</source>
        <translation>Сначала зазвонит ваш телефон; звонок на номер начнётся, когда вы снимете трубку.</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Позвонить</translation>
    </message>
    <message>
        <source>Enter a number to call.</source>
        <translation>Введите номер для звонка.</translation>
    </message>
    <message>
        <source>Dialling %1…</source>
        <translation>Набираем %1…</translation>
    </message>
    <message>
        <source>Dialling started: pick up your phone.</source>
        <translation>Набор начат: снимите трубку.</translation>
    </message>
    <message>
        <source>The call could not start: %1</source>
        <translation>Звонок не удалось начать: %1</translation>
    </message>
</context>
<context>
    <name>linecard::ui::IntegrationLogWindow</name>
    <message>
        <source>Load &amp;older</source>
        <translation>Загрузить &amp;более ранние</translation>
    </message>
    <message>
        <source>Integration log</source>
        <translation>Журнал интеграции</translation>
    </message>
    <message>
        <source>Call id</source>
        <translation>ID звонка</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Filter by the PBX call id or a phone number</source>
        <translation>Фильтр по ID звонка АТС или номеру телефона</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Call / time</source>
        <translation>Звонок / время</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Провайдер</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Тело запроса</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>(no call id)</source>
        <translation>(без ID звонка)</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n запрос</numerusform>
            <numerusform>%n запроса</numerusform>
            <numerusform>%n запросов</numerusform>
        </translation>
    </message>
    <message>
        <source>No requests logged for this filter.</source>
        <translation>По этому фильтру запросов в журнале нет.</translation>
    </message>
    <message numerus="yes">
        <source>The latest %n request(s).</source>
        <translation>
            <numerusform>Последний %n запрос.</numerusform>
            <numerusform>Последние %n запроса.</numerusform>
            <numerusform>Последние %n запросов.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 from %3 at %4 — answered %5; call events: %6</source>
        <translation>%1 %2 от %3 в %4 — ответ %5; события звонка: %6</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>linecard::ui::LineDialog</name>
    <message>
        <source>&amp;Pick…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Edit line %1</source>
        <translation>Линия %1</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>Новая линия</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>the company&apos;s number, e.g. +7 495 120-00-01</source>
        <translation>номер компании, например +7 495 120-00-01</translation>
    </message>
    <message>
        <source>Line name</source>
        <translation>Название линии</translation>
    </message>
    <message>
        <source>e.g. Sales</source>
        <translation>например, Продажи</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>Pick a colour</source>
        <translation>Выбрать цвет</translation>
    </message>
    <message>
        <source>Call window preview</source>
        <translation>Образец окна звонка</translation>
    </message>
    <message>
        <source>+1 555 0100 · Example caller</source>
        <translation>+7 916 000-01-00 · Пример звонящего</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Звонит</translation>
    </message>
    <message>
        <source>Employees the line rings</source>
        <translation>Сотрудники, которым звонит линия</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Наз&amp;вание:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Цвет:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Образец:</translation>
    </message>
    <message>
        <source>Employees who get the pop-up when the PBX names no extension (a shared handset):</source>
        <translation>Кому показывать звонок, если АТС не назвала внутренний номер (общий телефон):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter the line&apos;s phone number.</source>
        <translation>Введите номер линии.</translation>
    </message>
    <message>
        <source>A name has at most 200 characters.</source>
        <translation>Название — не длиннее 200 символов.</translation>
    </message>
    <message>
        <source>A colour is written #rrggbb, e.g. #2e7d32.</source>
        <translation>Цвет записывается как #rrggbb, например #2e7d32.</translation>
    </message>
    <message>
        <source>%1 (deactivated, not ringing)</source>
        <translation>%1 (деактивирован, звонки не поступают)</translation>
    </message>
</context>
<context>
    <name>linecard::ui::LinesPage</name>
    <message>
        <source>&amp;Add line…</source>
        <translation>&amp;Добавить линию…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Линии</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Rings</source>
        <translation>Кому звонит</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Добавить линию</translation>
    </message>
    <message>
        <source>Edit line</source>
        <translation>Изменить линию</translation>
    </message>
    <message>
        <source>Delete line</source>
        <translation>Удалить линию</translation>
    </message>
    <message>
        <source>The lines could not be loaded: %1</source>
        <translation>Не удалось загрузить линии: %1</translation>
    </message>
    <message>
        <source>the extension the PBX names</source>
        <translation>внутреннему номеру, который назовёт АТС</translation>
    </message>
    <message>
        <source>Delete the line %1? Its calls stay in the history, without the line.</source>
        <translation>Удалить линию %1? Её звонки останутся в истории, но уже без линии.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>%1 (deactivated, not ringing)</source>
        <translation>%1 (деактивирован, звонки не поступают)</translation>
    </message>
</context>
<context>
    <name>linecard::ui::MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>Навигация</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Задачи</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Контакты</translation>
    </message>
    <message>
        <source>C&amp;alls</source>
        <translation>&amp;Звонки</translation>
    </message>
    <message>
        <source>Search tasks (Ctrl+F)</source>
        <translation>Поиск задач (Ctrl+F)</translation>
    </message>
    <message>
        <source>Account &amp;settings…</source>
        <translation>&amp;Настройки аккаунта…</translation>
    </message>
    <message>
        <source>&amp;Integration log…</source>
        <translation>&amp;Журнал интеграции…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>Code blocks show without colours: %1</source>
        <translation>Блоки кода показаны без подсветки: %1</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2</source>
        <translation>Вы вошли как %1 на %2</translation>
    </message>
    <message>
        <source>Search calls by name or number (Ctrl+F)</source>
        <translation>Поиск звонков по имени или номеру (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search contacts: name, company, e-mail, phone digits (Ctrl+F)</source>
        <translation>Поиск контактов: имя, компания, e-mail, цифры телефона (Ctrl+F)</translation>
    </message>
    <message>
        <source>Caught up with the server after a long disconnection.</source>
        <translation>Данные синхронизированы с сервером после долгого отключения.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>&amp;Administration…</source>
        <translation>&amp;Администрирование…</translation>
    </message>
    <message>
        <source>Set-&amp;up steps…</source>
        <translation>&amp;Первые шаги…</translation>
    </message>
</context>
<context>
    <name>linecard::ui::MergeDialog</name>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Merge %1 with another contact</source>
        <translation>Объединить %1 с другим контактом</translation>
    </message>
    <message>
        <source>Find the other record of %1. You will see what moves before anything is merged.</source>
        <translation>Найдите другую запись для %1. Перед объединением вы увидите, что будет перенесено.</translation>
    </message>
    <message>
        <source>Which record stays?</source>
        <translation>Какая запись останется?</translation>
    </message>
    <message>
        <source>A merge cannot be undone.</source>
        <translation>Объединение нельзя отменить.</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далее &gt;</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Объединить</translation>
    </message>
    <message>
        <source>Keep %1 and merge %2 into it</source>
        <translation>Оставить %1 и присоединить к нему %2</translation>
    </message>
    <message>
        <source> (keeps #%1)</source>
        <translation> (останется #%1)</translation>
    </message>
    <message>
        <source>&amp;Merge into %1</source>
        <translation>&amp;Объединить, оставив %1</translation>
    </message>
    <message>
        <source>counting tasks and comments…</source>
        <translation>подсчёт задач и комментариев…</translation>
    </message>
    <message>
        <source>%1+ tasks</source>
        <translation>%1+ задач</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 задача</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
        </translation>
    </message>
    <message>
        <source>%1+ comments from its activity feed</source>
        <translation>%1+ комментариев из ленты действий</translation>
    </message>
    <message>
        <source>1 comment from its activity feed</source>
        <translation>1 комментарий из ленты действий</translation>
    </message>
    <message numerus="yes">
        <source>%n comments from its activity feed</source>
        <translation>
            <numerusform>%n комментарий из ленты действий</numerusform>
            <numerusform>%n комментария из ленты действий</numerusform>
            <numerusform>%n комментариев из ленты действий</numerusform>
        </translation>
    </message>
    <message>
        <source>(could not count everything: %1)</source>
        <translation>(не удалось подсчитать всё: %1)</translation>
    </message>
    <message>
        <source>no new phones</source>
        <translation>новых телефонов нет</translation>
    </message>
    <message>
        <source>1 phone: %1</source>
        <translation>1 телефон: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n phones: %1</source>
        <translation>
            <numerusform>%n телефон: %1</numerusform>
            <numerusform>%n телефона: %1</numerusform>
            <numerusform>%n телефонов: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n already on %1)</source>
        <translation>
            <numerusform> (%n уже есть в карточке %1)</numerusform>
            <numerusform> (%n уже есть в карточке %1)</numerusform>
            <numerusform> (%n уже есть в карточке %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>no new e-mails</source>
        <translation>новых адресов e-mail нет</translation>
    </message>
    <message>
        <source>1 e-mail: %1</source>
        <translation>1 адрес e-mail: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n e-mails: %1</source>
        <translation>
            <numerusform>%n адрес e-mail: %1</numerusform>
            <numerusform>%n адреса e-mail: %1</numerusform>
            <numerusform>%n адресов e-mail: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>its calls and its card comments</source>
        <translation>его звонки и комментарии в карточке</translation>
    </message>
    <message>
        <source>the name %1</source>
        <translation>имя %1</translation>
    </message>
    <message>
        <source>its custom field %1</source>
        <translation>дополнительное поле %1</translation>
    </message>
    <message numerus="yes">
        <source>its %n custom fields: %1</source>
        <translation>
            <numerusform>%n дополнительное поле: %1</numerusform>
            <numerusform>%n дополнительных поля: %1</numerusform>
            <numerusform>%n дополнительных полей: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>its login (%1)</source>
        <translation>логин для входа (%1)</translation>
    </message>
    <message>
        <source>From &lt;b&gt;%1&lt;/b&gt; (#%2) to &lt;b&gt;%3&lt;/b&gt; (#%4) move:</source>
        <translation>Из &lt;b&gt;%1&lt;/b&gt; (#%2) в &lt;b&gt;%3&lt;/b&gt; (#%4) будут перенесены:</translation>
    </message>
    <message>
        <source>Not kept: %1.</source>
        <translation>Не сохранится: %1.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Объединение…</translation>
    </message>
    <message>
        <source>The contacts were not merged: %1</source>
        <translation>Контакты не объединены: %1</translation>
    </message>
</context>
<context>
    <name>linecard::ui::NewTaskDialog</name>
    <message>
        <source>Assignees…</source>
        <translation>Исполнители…</translation>
    </message>
    <message>
        <source>Participants…</source>
        <translation>Участники…</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>What needs to be done</source>
        <translation>Что нужно сделать</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>пока никого</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>никого</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <source>&amp;Counterparty:</source>
        <translation>&amp;Контрагент:</translation>
    </message>
    <message>
        <source>Assignees:</source>
        <translation>Исполнители:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Участники:</translation>
    </message>
    <message>
        <source>The task was not created: %1</source>
        <translation>Задача не создана: %1</translation>
    </message>
</context>
<context>
    <name>linecard::ui::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>linecard::ui::PbxSetupView</name>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Копировать: %1</translation>
    </message>
    <message>
        <source>Copy the token now: it is not shown again.</source>
        <translation>Скопируйте токен сейчас: больше он показан не будет.</translation>
    </message>
    <message>
        <source>The token was shown once, when it was made; to see one again, make a new token.</source>
        <translation>Токен показывается один раз, при создании; чтобы увидеть токен снова, создайте новый.</translation>
    </message>
    <message>
        <source>In the PBX&apos;s PlanFix integration, replace the PlanFix address with this one and enter the token.</source>
        <translation>В настройках интеграции АТС с ПланФиксом замените адрес ПланФикса этим и введите токен.</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Адрес API</translation>
    </message>
    <message>
        <source>Token (planfix_token)</source>
        <translation>Токен (planfix_token)</translation>
    </message>
    <message>
        <source>In the PBX&apos;s Generic CTI (Zammad) settings, enter this endpoint; it holds the token.</source>
        <translation>В настройках Generic CTI (Zammad) на АТС укажите этот адрес; в нём есть токен.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>token</source>
        <translation>токен</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
</context>
<context>
    <name>linecard::ui::PeoplePage</name>
    <message>
        <source>&amp;Add employee…</source>
        <translation>&amp;Добавить сотрудника…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Отключить</translation>
    </message>
    <message>
        <source>Search by name, login or extension</source>
        <translation>Поиск по имени, логину или внутреннему номеру</translation>
    </message>
    <message>
        <source>Search employees</source>
        <translation>Поиск сотрудников</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Внутренние номера</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Add employee</source>
        <translation>Добавить сотрудника</translation>
    </message>
    <message>
        <source>Edit employee</source>
        <translation>Изменить сотрудника</translation>
    </message>
    <message>
        <source>Deactivate or reactivate</source>
        <translation>Отключить или включить</translation>
    </message>
    <message>
        <source>The employees could not be loaded: %1</source>
        <translation>Не удалось загрузить сотрудников: %1</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Работает</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Включить</translation>
    </message>
    <message>
        <source>A deactivated employee is signed out at once, leaves the pickers and their extensions stop ringing; their tasks and comments stay.</source>
        <translation>Деактивированный сотрудник сразу выходит из системы, исчезает из списков выбора, и на его внутренние номера перестают поступать звонки; его задачи и комментарии остаются.</translation>
    </message>
    <message>
        <source>%1 (not ringing)</source>
        <translation>%1 (звонки не поступают)</translation>
    </message>
    <message>
        <source>Deactivated: calls to these extensions go where calls to an extension nobody has go, until the employee is reactivated.</source>
        <translation>Сотрудник деактивирован: звонки на эти внутренние номера идут туда же, куда звонки на ничей номер, пока сотрудника не активируют снова.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::PeoplePicker</name>
    <message>
        <source>nobody</source>
        <translation>никого</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Найти человека</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
</context>
<context>
    <name>linecard::ui::PersonDialog</name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Придумать</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Сотрудник %1</translation>
    </message>
    <message>
        <source>Add an employee</source>
        <translation>Новый сотрудник</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>empty: keep the current password</source>
        <translation>пусто — пароль не меняется</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>не короче 8 символов</translation>
    </message>
    <message>
        <source>Generate a password</source>
        <translation>Придумать пароль</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Внутренние номера</translation>
    </message>
    <message>
        <source>e.g. 101, 102</source>
        <translation>например, 101, 102</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Новый &amp;пароль:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>&amp;Extensions:</source>
        <translation>&amp;Внутренние номера:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter a name (up to 200 characters).</source>
        <translation>Введите имя (до 200 символов).</translation>
    </message>
    <message>
        <source>Enter a login without spaces (up to 100 characters).</source>
        <translation>Введите логин без пробелов (до 100 символов).</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>Пароль должен быть не короче 8 символов.</translation>
    </message>
    <message>
        <source>An extension has at most 20 characters.</source>
        <translation>Внутренний номер — не длиннее 20 символов.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::PhoneDialer</name>
    <message>
        <source>Your phone rings first: pick it up to call %1.</source>
        <translation>Сначала зазвонит ваш телефон: снимите трубку, чтобы позвонить на %1.</translation>
    </message>
    <message>
        <source>Call %1 from</source>
        <translation>Позвонить на %1 с линии</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>linecard::ui::PreviewBar</name>
    <message>
        <source>E&amp;xit preview</source>
        <translation>&amp;Выйти из просмотра</translation>
    </message>
    <message>
        <source>Preview as contact</source>
        <translation>Просмотр глазами контакта</translation>
    </message>
    <message>
        <source>See this thread exactly as one of the task&apos;s contacts sees it</source>
        <translation>Увидеть обсуждение в точности так, как его видит один из контактов задачи</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview: this is the thread as %1 sees it.&lt;/b&gt; What %1 may not see is left out; replying is off.</source>
        <translation>&lt;b&gt;Просмотр: так обсуждение видит %1.&lt;/b&gt; То, что %1 видеть не может, скрыто; ответить здесь нельзя.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ProcessCodeHighlighter</name>
    <message>
        <source>%1 was not found or did not start (install the package libkf5syntaxhighlighting-tools)</source>
        <translation>%1 не найден или не запустился (установите пакет libkf5syntaxhighlighting-tools)</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ProviderDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Подключить</translation>
    </message>
    <message>
        <source>Edit PBX %1</source>
        <translation>АТС %1</translation>
    </message>
    <message>
        <source>Connect a PBX</source>
        <translation>Подключить АТС</translation>
    </message>
    <message>
        <source>Provider name</source>
        <translation>Название АТС</translation>
    </message>
    <message>
        <source>e.g. Office PBX</source>
        <translation>например, Офисная АТС</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>PlanFix telephony API</source>
        <translation>API телефонии ПланФикса</translation>
    </message>
    <message>
        <source>Zammad CTI (Generic CTI)</source>
        <translation>Zammad CTI (Generic CTI)</translation>
    </message>
    <message>
        <source>Click-to-call URL</source>
        <translation>Адрес для звонка по клику</translation>
    </message>
    <message>
        <source>optional: https://pbx.example/planfix_api.php</source>
        <translation>необязательно: https://pbx.example/planfix_api.php</translation>
    </message>
    <message>
        <source>PBX key</source>
        <translation>Ключ АТС</translation>
    </message>
    <message>
        <source>optional: the key the PBX expects</source>
        <translation>необязательно: ключ, который ждёт АТС</translation>
    </message>
    <message>
        <source>kept: %1</source>
        <translation>сохранён: %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>For click-to-call, Linecard sends the PBX a PlanFix makeCall request:</source>
        <translation>Для звонка по клику Linecard отправляет АТС запрос makeCall в формате ПланФикса:</translation>
    </message>
    <message>
        <source>PBX &amp;URL:</source>
        <translation>&amp;Адрес АТС:</translation>
    </message>
    <message>
        <source>PBX &amp;key:</source>
        <translation>&amp;Ключ АТС:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter a name (up to 200 characters).</source>
        <translation>Введите имя (до 200 символов).</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address, or nothing.</source>
        <translation>Введите адрес http:// или https:// либо оставьте поле пустым.</translation>
    </message>
    <message>
        <source>The key has no spaces.</source>
        <translation>В ключе не должно быть пробелов.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::ProvidersPage</name>
    <message>
        <source>&amp;Connect a PBX…</source>
        <translation>&amp;Подключить АТС…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;New token</source>
        <translation>&amp;Новый токен</translation>
    </message>
    <message>
        <source>Send a &amp;test call</source>
        <translation>&amp;Тестовый звонок</translation>
    </message>
    <message>
        <source>PBX providers</source>
        <translation>АТС</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
    <message>
        <source>Click-to-call URL</source>
        <translation>Адрес для звонка по клику</translation>
    </message>
    <message>
        <source>Connect a PBX</source>
        <translation>Подключить АТС</translation>
    </message>
    <message>
        <source>Edit provider</source>
        <translation>Изменить АТС</translation>
    </message>
    <message>
        <source>Delete provider</source>
        <translation>Удалить АТС</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>Новый токен</translation>
    </message>
    <message>
        <source>Send a test call</source>
        <translation>Тестовый звонок</translation>
    </message>
    <message>
        <source>A short call through this provider to your own extension</source>
        <translation>Короткий звонок через эту АТС на ваш внутренний номер</translation>
    </message>
    <message>
        <source>What to enter in the PBX</source>
        <translation>Что ввести в настройках АТС</translation>
    </message>
    <message>
        <source>The PBX providers could not be loaded: %1</source>
        <translation>Не удалось загрузить список АТС: %1</translation>
    </message>
    <message>
        <source>PlanFix</source>
        <translation>ПланФикс</translation>
    </message>
    <message>
        <source>Zammad CTI</source>
        <translation>Zammad CTI</translation>
    </message>
    <message>
        <source>Disconnect %1? Its token stops working at once; its past calls stay.</source>
        <translation>Отключить %1? Её токен сразу перестанет работать; прошлые звонки останутся.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Make a new token for %1? The current one stops working at once: the PBX needs the new one.</source>
        <translation>Создать новый токен для %1? Текущий сразу перестанет работать — в АТС нужно будет ввести новый.</translation>
    </message>
    <message>
        <source>A test call is ringing extension %1; it ends by itself in a few seconds. The integration log shows its requests.</source>
        <translation>Тестовый звонок идёт на внутренний номер %1 и через несколько секунд завершится сам. Его запросы видны в журнале интеграции.</translation>
    </message>
    <message>
        <source>No test call: %1</source>
        <translation>Тестовый звонок не отправлен: %1</translation>
    </message>
</context>
<context>
    <name>linecard::ui::RecordingPlayer</name>
    <message>
        <source>Position in the recording</source>
        <translation>Позиция в записи</translation>
    </message>
    <message>
        <source>Recording time</source>
        <translation>Время записи</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Скорость воспроизведения</translation>
    </message>
    <message>
        <source>1×</source>
        <translation>1×</translation>
    </message>
    <message>
        <source>1.5×</source>
        <translation>1,5×</translation>
    </message>
    <message>
        <source>2×</source>
        <translation>2×</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Скачать…</translation>
    </message>
    <message>
        <source>Download the recording</source>
        <translation>Скачать запись</translation>
    </message>
    <message>
        <source>Save the recording to a file</source>
        <translation>Сохранить запись в файл</translation>
    </message>
    <message>
        <source>This computer has no sound output: the recording cannot be heard here (Download… saves it).</source>
        <translation>На этом компьютере нет вывода звука: запись здесь не прослушать («Скачать…» сохранит её).</translation>
    </message>
    <message>
        <source>Could not keep the recording: %1</source>
        <translation>Не удалось сохранить запись для прослушивания: %1</translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>Загрузка записи…</translation>
    </message>
    <message>
        <source>The recording could not be reached: %1</source>
        <translation>Не удалось получить запись: %1</translation>
    </message>
    <message>
        <source>The PBX refused access to the recording: %1</source>
        <translation>АТС не дала доступа к записи: %1</translation>
    </message>
    <message>
        <source>The recording could not be played (not a sound file this computer can decode): %1</source>
        <translation>Не удалось воспроизвести запись (этот компьютер не может прочитать такой звуковой файл): %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Слушать</translation>
    </message>
    <message>
        <source>Pause the recording</source>
        <translation>Приостановить запись</translation>
    </message>
    <message>
        <source>Play the recording</source>
        <translation>Прослушать запись</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>запись</translation>
    </message>
    <message>
        <source>Save the recording</source>
        <translation>Сохранение записи</translation>
    </message>
    <message>
        <source>Could not save the recording to %1: %2</source>
        <translation>Не удалось сохранить запись в %1: %2</translation>
    </message>
    <message>
        <source>Downloading the recording…</source>
        <translation>Скачивание записи…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <source>Could not download the recording: %1</source>
        <translation>Не удалось скачать запись: %1</translation>
    </message>
</context>
<context>
    <name>linecard::ui::RowListEdit</name>
    <message>
        <source>+ %1</source>
        <translation>+ %1</translation>
    </message>
    <message>
        <source>Remove this line</source>
        <translation>Удалить строку</translation>
    </message>
</context>
<context>
    <name>linecard::ui::SetupDialog</name>
    <message>
        <source>Add a &amp;line…</source>
        <translation>Добавить &amp;линию…</translation>
    </message>
    <message>
        <source>Connect a &amp;PBX…</source>
        <translation>Подключить &amp;АТС…</translation>
    </message>
    <message>
        <source>Add &amp;operators…</source>
        <translation>Добавить &amp;операторов…</translation>
    </message>
    <message>
        <source>Set up Linecard</source>
        <translation>Настройка Linecard</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>Новая линия</translation>
    </message>
    <message>
        <source>Connect a PBX</source>
        <translation>Подключить АТС</translation>
    </message>
    <message>
        <source>Add operators</source>
        <translation>Добавить операторов</translation>
    </message>
    <message>
        <source>Three steps to the first call pop-up. Each can be skipped and done later from the account menu (Administration).</source>
        <translation>Три шага до первого всплывающего звонка. Любой можно пропустить и сделать позже из меню аккаунта («Администрирование»).</translation>
    </message>
    <message>
        <source>A line is a company phone number with a name and a colour: call windows show it.</source>
        <translation>Линия — это номер компании с названием и цветом: их показывает окно звонка.</translation>
    </message>
    <message>
        <source>Connect the PBX (PlanFix or Zammad format): Linecard shows the address and token to enter there, and can send a test call.</source>
        <translation>Подключите АТС (формат ПланФикса или Zammad): Linecard покажет адрес и токен для её настроек и может сделать тестовый звонок.</translation>
    </message>
    <message>
        <source>Operators sign in with a login and get call pop-ups on their extensions.</source>
        <translation>Операторы входят по логину и видят звонки на свои внутренние номера.</translation>
    </message>
    <message>
        <source>&amp;Skip for now</source>
        <translation>&amp;Пропустить</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n линия</numerusform>
            <numerusform>%n линии</numerusform>
            <numerusform>%n линий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n PBX(s)</source>
        <translation>
            <numerusform>%n АТС</numerusform>
            <numerusform>%n АТС</numerusform>
            <numerusform>%n АТС</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s)</source>
        <translation>
            <numerusform>%n коллега</numerusform>
            <numerusform>%n коллеги</numerusform>
            <numerusform>%n коллег</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>linecard::ui::SignInDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Подключиться</translation>
    </message>
    <message>
        <source>Open the &amp;local workspace</source>
        <translation>Открыть &amp;локальное рабочее пространство</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Linecard&lt;/h2&gt;&lt;p&gt;Tasks, clients and calls in one window.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Linecard&lt;/h2&gt;&lt;p&gt;Задачи, клиенты и звонки в одном окне.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>No server yet? The local workspace keeps everything on this computer.</source>
        <translation>Сервера ещё нет? Локальное рабочее пространство хранит все данные на этом компьютере.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://crm.example.com</source>
        <translation>Введите адрес сервера, например https://crm.example.com</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
</context>
<context>
    <name>linecard::ui::TaskHeader</name>
    <message>
        <source>Open</source>
        <translation>Открытая</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Завершённая</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменённая</translation>
    </message>
    <message>
        <source>Counterparty:</source>
        <translation>Контрагент:</translation>
    </message>
    <message>
        <source>Assignees:</source>
        <translation>Исполнители:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Участники:</translation>
    </message>
</context>
<context>
    <name>linecard::ui::TaskPickerDialog</name>
    <message>
        <source>Attach the call to a task</source>
        <translation>Прикрепить звонок к задаче</translation>
    </message>
    <message>
        <source>Search any task by its title or text</source>
        <translation>Поиск любой задачи по названию или тексту</translation>
    </message>
    <message>
        <source>&amp;Attach here</source>
        <translation>&amp;Прикрепить сюда</translation>
    </message>
    <message>
        <source>The caller&apos;s active tasks; type to search all tasks.</source>
        <translation>Активные задачи звонящего; начните печатать, чтобы искать среди всех задач.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>No task matches.</source>
        <translation>Подходящих задач нет.</translation>
    </message>
    <message>
        <source>Could not search: %1</source>
        <translation>Не удалось выполнить поиск: %1</translation>
    </message>
    <message>
        <source>Find a task</source>
        <translation>Найти задачу</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>no counterparty</source>
        <translation>без контрагента</translation>
    </message>
    <message>
        <source>%1  #%2</source>
        <translation>%1  №%2</translation>
    </message>
</context>
<context>
    <name>linecard::ui::TaskView</name>
    <message>
        <source>Choose a task in the list to read and answer its thread.</source>
        <translation>Выберите задачу в списке, чтобы читать её переписку и отвечать.</translation>
    </message>
    <message>
        <source>This task does not exist or is not shared with you.</source>
        <translation>Эта задача не существует или вам недоступна.</translation>
    </message>
    <message>
        <source>The task could not be loaded: %1</source>
        <translation>Не удалось загрузить задачу: %1</translation>
    </message>
    <message>
        <source>The status was not changed: %1</source>
        <translation>Статус не изменён: %1</translation>
    </message>
    <message>
        <source>Comments could not be loaded: %1 &lt;a href=&quot;retry&quot;&gt;Retry&lt;/a&gt;</source>
        <translation>Не удалось загрузить комментарии: %1 &lt;a href=&quot;retry&quot;&gt;Повторить&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Loading comments…</source>
        <translation>Загрузка комментариев…</translation>
    </message>
    <message>
        <source>Scroll down for newer comments.</source>
        <translation>Прокрутите вниз, чтобы увидеть новые комментарии.</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Комментариев пока нет.</translation>
    </message>
</context>
<context>
    <name>linecard::ui::TasksPanel</name>
    <message>
        <source>Mark all as read</source>
        <translation>Отметить все как прочитанные</translation>
    </message>
    <message>
        <source>My active tasks</source>
        <translation>Мои активные задачи</translation>
    </message>
    <message>
        <source>All active tasks</source>
        <translation>Все активные задачи</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Завершённые</translation>
    </message>
    <message>
        <source>By contact</source>
        <translation>По контакту</translation>
    </message>
    <message>
        <source>By assignee</source>
        <translation>По исполнителю</translation>
    </message>
    <message>
        <source>Find a contact</source>
        <translation>Найти контакт</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <source>Could not load tasks: %1 &lt;a href=&quot;retry&quot;&gt;Retry&lt;/a&gt;</source>
        <translation>Не удалось загрузить задачи: %1 &lt;a href=&quot;retry&quot;&gt;Повторить&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Choose a contact.</source>
        <translation>Выберите контакт.</translation>
    </message>
    <message>
        <source>Choose an assignee.</source>
        <translation>Выберите исполнителя.</translation>
    </message>
    <message>
        <source>No tasks.</source>
        <translation>Задач нет.</translation>
    </message>
    <message>
        <source>No tasks match “%1”.</source>
        <translation>Нет задач по запросу «%1».</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Отметить как прочитанную</translation>
    </message>
    <message>
        <source>Could not mark the tasks read: %1</source>
        <translation>Не удалось отметить задачи прочитанными: %1</translation>
    </message>
    <message>
        <source>Task list</source>
        <translation>Список задач</translation>
    </message>
</context>
<context>
    <name>linecard::ui::TrayIcon</name>
    <message>
        <source>&amp;Open Linecard</source>
        <translation>&amp;Открыть Linecard</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Не беспокоить</translation>
    </message>
    <message>
        <source>&amp;Start with the session</source>
        <translation>&amp;Запускать при входе в систему</translation>
    </message>
    <message>
        <source>Start with the session</source>
        <translation>Запуск при входе в систему</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>Linecard is still running</source>
        <translation>Linecard продолжает работать</translation>
    </message>
    <message>
        <source>Linecard keeps running in the tray to show incoming calls; Quit from the tray menu to exit.</source>
        <translation>Linecard остаётся в системном лотке, чтобы показывать входящие звонки; чтобы выйти, выберите «Выйти» в меню значка.</translation>
    </message>
    <message>
        <source>New comment in task #%1</source>
        <translation>Новый комментарий в задаче №%1</translation>
    </message>
    <message>
        <source>%1 in task #%2</source>
        <translation>%1 в задаче №%2</translation>
    </message>
    <message>
        <source>New comment on a contact card</source>
        <translation>Новый комментарий в карточке контакта</translation>
    </message>
    <message>
        <source>%1 on a contact card</source>
        <translation>%1 в карточке контакта</translation>
    </message>
    <message>
        <source>Linecard — online</source>
        <translation>Linecard — в сети</translation>
    </message>
    <message>
        <source>Linecard — connecting…</source>
        <translation>Linecard — подключение…</translation>
    </message>
    <message>
        <source>Linecard — offline</source>
        <translation>Linecard — не в сети</translation>
    </message>
    <message>
        <source>Ringing calls: %1</source>
        <translation>Входящих звонков: %1</translation>
    </message>
    <message>
        <source>Missed calls: %1</source>
        <translation>Пропущенных звонков: %1</translation>
    </message>
    <message>
        <source>Do not disturb: notifications are off</source>
        <translation>Не беспокоить: уведомления выключены</translation>
    </message>
    <message>
        <source>&amp;Current calls (%1)</source>
        <translation>&amp;Текущие звонки (%1)</translation>
    </message>
    <message>
        <source>&amp;Missed calls (%1)</source>
        <translation>&amp;Пропущенные звонки (%1)</translation>
    </message>
</context>
<context>
    <name>linecard::ui::confirm</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Linecard: tasks, clients and calls.</source>
        <translation>Linecard: задачи, клиенты и звонки.</translation>
    </message>
    <message>
        <source>Open a local workspace with demo data.</source>
        <translation>Открыть локальное рабочее пространство с демо-данными.</translation>
    </message>
    <message>
        <source>Open the local workspace.</source>
        <translation>Открыть локальное рабочее пространство.</translation>
    </message>
    <message>
        <source>Connect to this server.</source>
        <translation>Подключиться к указанному серверу.</translation>
    </message>
    <message>
        <source>Sign in as.</source>
        <translation>Войти под указанным логином.</translation>
    </message>
    <message>
        <source>Folder of the local workspace.</source>
        <translation>Папка локального рабочего пространства.</translation>
    </message>
    <message>
        <source>Start in the system tray, without the window.</source>
        <translation>Запуститься в системном лотке, без окна.</translation>
    </message>
    <message>
        <source>A phone link to call (tel:, callto:, sip:).</source>
        <translation>Телефонная ссылка для звонка (tel:, callto:, sip:).</translation>
    </message>
    <message>
        <source>linecard: no system tray here; showing the window.
</source>
        <translation>linecard: системного лотка нет; окно будет показано.
</translation>
    </message>
</context>
</TS>
