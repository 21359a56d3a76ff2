#include "demoseeder.h"

#include "../auth/passwordhasher.h"
#include "../linecardserver.h"
#include "../servercontext.h"
#include "../store/linestore.h"
#include "../store/providerstore.h"
#include "../store/readmarkstore.h"

#include <QRandomGenerator>

namespace linecard::server {

namespace {

struct DemoCompany
{
    const char *name;
    const char *domain;
    bool russian;
};

const DemoCompany companies[] = {
    {"ООО «Вектор»", "vector.ru", true},
    {"АО «СеверСтрой»", "severstroy.ru", true},
    {"ИП Калинин", "kalinin.ru", true},
    {"ООО «Альфа Логистик»", "alfalog.ru", true},
    {"ЗАО «Техносфера»", "technosfera.ru", true},
    {"ООО «Медцентр Здоровье»", "zdorovie-med.ru", true},
    {"ООО «Пекарня Хлебный Дом»", "hlebdom.ru", true},
    {"АО «Уральские Машины»", "uralmash.ru", true},
    {"Northwind Traders", "northwind.com", false},
    {"Acme Logistics", "acme-logistics.com", false},
    {"Blue Harbor Hotels", "blueharbor.co.uk", false},
    {"Fjord Software AS", "fjord.no", false},
    {"Contoso Retail", "contoso.com", false},
    {"Globex Medical", "globex.de", false},
    {"Sunrise Dental", "sunrise-dental.com", false},
    {"Kappa Engineering", "kappa-eng.com", false},
    {"ООО «Ромашка»", "romashka.ru", true},
    {"ООО «Зелёный Город»", "zelgorod.ru", true},
    {"Baltic Freight OÜ", "balticfreight.ee", false},
    {"ООО «Кофейня на Арбате»", "arbatcoffee.ru", true},
};

const char *ruMale[]
    = {"Иван", "Алексей", "Дмитрий", "Сергей", "Павел", "Андрей", "Михаил", "Николай"};
const char *ruFemale[]
    = {"Мария", "Ольга", "Екатерина", "Анна", "Наталья", "Татьяна", "Юлия", "Светлана"};
// Male forms; a woman's surname takes "а".
const char *ruLast[] = {"Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Лебедев", "Козлов", "Егоров"};
const char *enFirst[] = {"John", "Emma", "Oliver", "Sophia", "James", "Amelia", "Liam", "Olivia",
    "Noah", "Isla", "Lucas", "Mia", "Henrik", "Ingrid", "Klaus", "Greta"};
const char *enLast[] = {"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans",
    "Hansen", "Müller", "Schneider", "Clarke", "Walker", "Wright", "Larsen"};

const char *taskTitles[] = {"Поставка оборудования", "Счёт на оплату за %1",
    "Настроить интеграцию с 1С", "Возврат товара", "Гарантийный ремонт", "Согласовать договор",
    "Не работает личный кабинет", "Подключить второй офис", "Quarterly invoice for %1",
    "Delivery delayed", "Set up SIP trunk", "Renew the support contract", "Onboarding of new staff",
    "Broken label printer", "Price list update", "Demo of the new module"};

const char *clientLines[] = {"Добрый день! Когда ждать ответ по нашему вопросу?",
    "Отправил документы на почту, проверьте, пожалуйста.", "Спасибо, всё получили.",
    "Hello, any news on this one?", "Attached the signed copy.",
    "Can we move the meeting to Thursday?", "Счёт оплатили, платёжку прикладываю."};
const char *staffLines[] = {"Здравствуйте! Передал вопрос в отдел поставок, ответим до конца дня.",
    "Документы получили, всё в порядке.", "Hello! We shipped it today, tracking number follows.",
    "The invoice is attached; payment is due in 10 days.", "Созвонились, договорились на четверг.",
    "Thanks, we will take care of it."};
const char *internalLines[] = {"Клиент капризный, лучше согласовать скидку с руководителем.",
    "Check the debt before shipping!", "Не обещайте сроки, склад пустой до понедельника.",
    "They paid late twice this year.", "Внутреннее: себестоимость выше, чем в прошлом квартале."};
const char *hiddenLines[] = {"Личная заметка: позвонить директору лично.",
    "Between us: margin on this deal is 4%.", "Пароль от их портала в хранилище, не в чате."};

QString fmtPhone(QRandomGenerator &rng, bool russian)
{
    const int a = rng.bounded(900, 999), b = rng.bounded(100, 999), c = rng.bounded(10, 99),
              d = rng.bounded(10, 99);
    if (!russian) {
        switch (rng.bounded(3)) {
        case 0:
            // London numbers start 020 3, 7 or 8: the others are no numbers (issue 19).
            return QStringLiteral("+44 20 7%1 %2%3").arg(rng.bounded(100, 999)).arg(c).arg(d);
        case 1: {
            // Area codes that exist: numbers in made-up ones are no numbers (issue 19).
            static const int areas[] = {212, 312, 415, 617, 716};
            return QStringLiteral("+1 (%1) 555-%2%3").arg(areas[rng.bounded(5)]).arg(c).arg(d);
        }
        default:
            return QStringLiteral("+49 30 %1%2%3").arg(b).arg(c).arg(d);
        }
    }
    switch (rng.bounded(4)) {
    case 0:
        return QStringLiteral("8 (%1) %2-%3-%4").arg(a).arg(b).arg(c).arg(d);
    case 1:
        return QStringLiteral("+7 %1 %2%3%4").arg(a).arg(b).arg(c).arg(d);
    case 2:
        return QStringLiteral("7%1%2%3%4").arg(a).arg(b).arg(c).arg(d);
    default:
        return QStringLiteral("+7 (495) %1-%2-%3 доб. %4")
            .arg(b)
            .arg(c)
            .arg(d)
            .arg(rng.bounded(100, 999));
    }
}

template<typename T, size_t N> const T &pick(QRandomGenerator &rng, const T (&items)[N])
{
    return items[rng.bounded(int(N))];
}

} // namespace

QList<DemoSeeder::Account> DemoSeeder::seed(quint32 randomSeed)
{
    ServerContext &ctx = m_server.context();
    QRandomGenerator rng(randomSeed);
    QList<Account> accounts;
    Transaction tx(ctx.db);
    // The demo company is in Russia: its numbers are read in RU whatever the host's locale.
    AccountSettings settings = ctx.settings.get();
    settings.phoneRegion = QStringLiteral("RU");
    ctx.settings.save(settings);

    struct Staff
    {
        const char *name, *login, *ext;
        bool admin;
    };
    const Staff staff[] = {{"Анна Администратор", "admin", "100", true},
        {"Ольга Операторова", "olga", "101", false}, {"Denis Field", "denis", "102", false},
        {"Марина Бухгалтер", "marina", "103", false}, {"Igor Support", "igor", "104", false}};
    QList<qint64> employees;
    for (const Staff &s : staff) {
        const QString login = QString::fromUtf8(s.login);
        const QString password = login + QStringLiteral("-demo-pass");
        employees << ctx.people
                         .createEmployee(QString::fromUtf8(s.name), login,
                             PasswordHasher::hash(password), {QString::fromUtf8(s.ext)}, s.admin)
                         .id;
        accounts.append({login, password, QString::fromUtf8(s.name),
            s.admin ? QStringLiteral("administrator") : QStringLiteral("operator")});
    }

    // Companies and their people; a few private persons without a company.
    QList<qint64> contacts;
    QHash<qint64, qint64> companyOf;
    for (const DemoCompany &c : companies) {
        Person company;
        company.name = QString::fromUtf8(c.name);
        company.isCompany = true;
        company.phones.append({fmtPhone(rng, c.russian), QStringLiteral("work")});
        company.emails << QStringLiteral("info@") + QString::fromUtf8(c.domain);
        company.responsibleId = employees.at(rng.bounded(1, employees.size()));
        const qint64 companyId = ctx.people.createContact(company).id;
        contacts << companyId;
        const int people = rng.bounded(6, 12);
        for (int i = 0; i < people; ++i) {
            Person p;
            const bool ru = c.russian;
            const bool female = rng.bounded(2) == 0;
            const QString first = QString::fromUtf8(!ru ? pick(rng, enFirst)
                    : female                            ? pick(rng, ruFemale)
                                                        : pick(rng, ruMale));
            QString last = QString::fromUtf8(ru ? pick(rng, ruLast) : pick(rng, enLast));
            if (ru && female)
                last += u'а';
            p.name = first + u' ' + last;
            p.companyId = companyId;
            p.phones.append({fmtPhone(rng, ru), QStringLiteral("mobile")});
            if (rng.bounded(3) == 0)
                p.phones.append({fmtPhone(rng, ru), QStringLiteral("work")});
            p.emails << QStringLiteral("%1.%2@%3")
                            .arg(first.toLower(), QString::number(i), QString::fromUtf8(c.domain));
            p.responsibleId = company.responsibleId;
            if (rng.bounded(4) == 0)
                p.fields.insert(QStringLiteral("position"),
                    ru ? QStringLiteral("Менеджер по закупкам")
                       : QStringLiteral("Purchasing manager"));
            const qint64 id = ctx.people.createContact(p).id;
            contacts << id;
            companyOf.insert(id, companyId);
        }
    }

    // Two clients who may sign in: a manager and, at the same company, her successor.
    const qint64 clientCompany = contacts.first();
    QList<qint64> clientPeople;
    for (auto it = companyOf.begin(); it != companyOf.end(); ++it)
        if (it.value() == clientCompany)
            clientPeople << it.key();
    std::sort(clientPeople.begin(), clientPeople.end());
    const struct
    {
        const char *login;
        qint64 id;
    } clients[] = {{"client", clientPeople.value(0)}, {"client2", clientPeople.value(1)}};
    for (const auto &c : clients) {
        const QString login = QString::fromUtf8(c.login);
        const QString password = login + QStringLiteral("-demo-pass");
        ctx.people.setAccess(c.id, true, login, PasswordHasher::hash(password));
        accounts.append({login, password, ctx.people.get(c.id)->name, QStringLiteral("contact")});
    }

    // Tasks with threads, spread over the last 60 days.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QRandomGenerator readRng(randomSeed + 1); // its own: the threads stay as they were
    for (int i = 0; i < 300; ++i) {
        Task t;
        const qint64 counterparty
            = (i < 12) ? clientPeople.value(i % 2) : contacts.at(rng.bounded(contacts.size()));
        t.title = QString::fromUtf8(pick(rng, taskTitles));
        if (t.title.contains(QLatin1String("%1")))
            t.title
                = t.title.arg(now.addDays(-rng.bounded(60)).toString(QStringLiteral("MM.yyyy")));
        t.description = QStringLiteral("Задача #%1 — demo").arg(i + 1);
        t.counterpartyId = counterparty;
        t.assigneeIds << employees.at(rng.bounded(1, employees.size()));
        if (rng.bounded(3) == 0)
            t.participantIds << employees.at(rng.bounded(employees.size()));
        const int r = rng.bounded(10);
        t.status = r < 6 ? Task::Status::Open
            : r < 9      ? Task::Status::Done
                         : Task::Status::Cancelled;
        QDateTime at = now.addSecs(-qint64(rng.bounded(60 * 24 * 3600)));
        t.createdAt = at;
        const Task task = ctx.tasks.create(t, t.assigneeIds.first());
        const int comments = rng.bounded(1, 9);
        QList<qint64> commentIds;
        for (int k = 0; k < comments; ++k) {
            at = at.addSecs(rng.bounded(600, 86400));
            if (at > now)
                at = now.addSecs(-rng.bounded(600));
            Comment c;
            c.taskId = task.id;
            c.createdAt = at;
            const int kind = rng.bounded(10);
            if (kind < 3) { // the client writes
                c.authorId = counterparty;
                c.text = QString::fromUtf8(pick(rng, clientLines));
                c.notifiedIds << task.assigneeIds;
            } else if (kind < 6) { // an answer to the client
                c.authorId = task.assigneeIds.first();
                c.text = QString::fromUtf8(pick(rng, staffLines));
                c.notifiedIds << counterparty;
            } else if (kind < 8) {
                c.authorId = employees.at(rng.bounded(employees.size()));
                c.text = QString::fromUtf8(pick(rng, internalLines));
                c.internal = true;
            } else if (kind < 9) {
                c.authorId = task.assigneeIds.first();
                c.text = QString::fromUtf8(pick(rng, hiddenLines));
                c.hidden = true;
                c.visibleToIds << employees.at(rng.bounded(employees.size()));
            } else { // staff talk that does not notify the client
                c.authorId = employees.at(rng.bounded(employees.size()));
                c.text = QStringLiteral("Обновил статус, жду подтверждения склада.");
                c.notifiedIds << task.assigneeIds.first();
            }
            commentIds << ctx.comments.create(c).id;
        }
        // Most threads were read by everyone; some have a comment or two nobody looked at yet.
        for (qint64 person : employees + QList<qint64> {counterparty}) {
            const int unread = readRng.bounded(10) < 7 ? 0 : int(readRng.bounded(1, 3));
            if (unread < commentIds.size())
                ctx.readMarks.setMark(
                    person, task.id, commentIds.at(commentIds.size() - 1 - unread));
        }
    }

    // Three lines with colours; the sales line is served by two operators (shared handset).
    const struct
    {
        const char *number, *name, *color, *region;
    } lines[] = {{"+7 495 120-00-01", "Продажи", "#2e7d32", ""},
        {"+7 495 120-00-02", "Поддержка", "#1565c0", ""},
        {"+44 20 7946 0000", "UK office", "#c62828", "GB"}}; // its trunk sends UK numbers
    for (const auto &l : lines) {
        const qint64 lineId = ctx.db.insert(
            QStringLiteral("INSERT INTO lines(number, name, color) VALUES (:n, :name, :c)"),
            {{QStringLiteral("n"), QString::fromUtf8(l.number)},
                {QStringLiteral("name"), QString::fromUtf8(l.name)},
                {QStringLiteral("c"), QString::fromUtf8(l.color)}});
        ctx.db.exec(
            QStringLiteral("INSERT INTO line_employees(line_id, person_id) VALUES (:l, :p)"),
            {{QStringLiteral("l"), lineId},
                {QStringLiteral("p"), employees.at(1 + int(lineId % 4))}});
        Line line = *ctx.lines.get(lineId);
        line.region = QString::fromUtf8(l.region);
        ctx.lines.update(line); // fills the number keys
    }
    // A PBX connection with a fixed, documented token, so that linecard-pbx-sim can ring the
    // demo operators; click-to-call goes to the simulator listening on port 9090 (README).
    Provider pbx;
    pbx.name = QStringLiteral("Demo PBX (linecard-pbx-sim)");
    pbx.format = Provider::Format::PlanFix;
    pbx.pbxUrl = QLatin1String(demoPbxUrl);
    pbx.pbxToken = QLatin1String(demoPbxToken);
    ctx.providers.create(pbx, QLatin1String(demoPbxToken));
    // The same for a PBX set up for Zammad, so that both formats can be tried out (README).
    Provider zammad;
    zammad.name = QStringLiteral("Demo Zammad CTI (linecard-pbx-sim --format zammad)");
    zammad.format = Provider::Format::Zammad;
    ctx.providers.create(zammad, QLatin1String(demoZammadToken));
    tx.commit();
    return accounts;
}

} // namespace linecard::server
