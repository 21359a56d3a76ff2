#include "fakedata.h"

#include <QStringList>

namespace linecard::bench {

namespace {

struct FirstName
{
    const char *name;
    const char *latin;
};

const FirstName ruMale[] = {{"Иван", "ivan"}, {"Алексей", "aleksey"}, {"Дмитрий", "dmitry"},
    {"Сергей", "sergey"}, {"Павел", "pavel"}, {"Андрей", "andrey"}, {"Михаил", "mikhail"},
    {"Николай", "nikolay"}, {"Александр", "alexander"}, {"Владимир", "vladimir"},
    {"Евгений", "evgeny"}, {"Максим", "maxim"}, {"Артём", "artem"}, {"Роман", "roman"},
    {"Олег", "oleg"}, {"Виктор", "viktor"}, {"Юрий", "yury"}, {"Игорь", "igor"},
    {"Константин", "konstantin"}, {"Григорий", "grigory"}, {"Степан", "stepan"}, {"Фёдор", "fedor"},
    {"Тимур", "timur"}, {"Денис", "denis"}, {"Кирилл", "kirill"}};
const FirstName ruFemale[] = {{"Мария", "maria"}, {"Ольга", "olga"}, {"Екатерина", "ekaterina"},
    {"Анна", "anna"}, {"Наталья", "natalya"}, {"Татьяна", "tatyana"}, {"Юлия", "yulia"},
    {"Светлана", "svetlana"}, {"Ирина", "irina"}, {"Елена", "elena"}, {"Дарья", "darya"},
    {"Ксения", "ksenia"}, {"Полина", "polina"}, {"Алина", "alina"}, {"Вера", "vera"},
    {"Людмила", "lyudmila"}, {"Галина", "galina"}, {"Марина", "marina"}, {"Софья", "sofya"},
    {"Валентина", "valentina"}, {"Надежда", "nadezhda"}, {"Жанна", "zhanna"}};
// Male forms; a woman's surname takes "а".
const char *ruLast[] = {"Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Лебедев", "Козлов", "Егоров", "Павлов", "Семёнов",
    "Голубев", "Виноградов", "Богданов", "Воробьёв", "Макаров", "Зайцев", "Соловьёв", "Борисов",
    "Яковлев", "Григорьев", "Романов", "Воронов", "Гусев", "Титов", "Кудрявцев", "Баранов",
    "Куликов", "Алексеев", "Степанов", "Орлов", "Андреев", "Захаров", "Никитин", "Тарасов", "Белов",
    "Комаров", "Медведев", "Антонов", "Жуков", "Ершов", "Широков", "Киселёв", "Ильин", "Максимов"};
const char *enFirst[] = {"John", "Emma", "Oliver", "Sophia", "James", "Amelia", "Liam", "Olivia",
    "Noah", "Isla", "Lucas", "Mia", "Henrik", "Ingrid", "Klaus", "Greta", "William", "Charlotte",
    "Benjamin", "Harper", "Elijah", "Evelyn", "Mason", "Abigail", "Logan", "Emily", "Ethan", "Ella",
    "Jacob", "Scarlett", "Michael", "Grace", "Daniel", "Chloe", "Henry", "Lily", "Jackson", "Aria",
    "Sebastian", "Zoe"};
const char *enLast[] = {"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans",
    "Hansen", "Müller", "Schneider", "Clarke", "Walker", "Wright", "Larsen", "Thomas", "Roberts",
    "Johnston", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood",
    "Harris", "Lewis", "Martin", "Jackson", "Clark", "Turner", "Hill", "Scott", "Cooper", "Morris",
    "Ward", "Moore", "King", "Watson", "Baker", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Nielsen", "Jensen", "Andersen", "Berg", "Lund"};

const char *ruCompanyForm[] = {"ООО", "АО", "ЗАО", "ИП", "ПАО"};
const char *ruCompanyWord[] = {"Вектор", "СеверСтрой", "Альфа", "Техносфера", "Медцентр",
    "Хлебный Дом", "Уральские Машины", "Ромашка", "Зелёный Город", "Кофейня", "Логистик", "Гарант",
    "Прогресс", "Восход", "Сибирь", "Меридиан", "Спектр", "Авангард", "Квант", "Стройинвест",
    "Агро", "Интеграл", "Полюс", "Лидер", "Гранит", "Торговый Дом", "Энерго"};
const char *ruCompanyLatin[] = {"vector", "severstroy", "alfa", "technosfera", "medcentr",
    "hlebdom", "uralmash", "romashka", "zelgorod", "coffee", "logistic", "garant", "progress",
    "voshod", "sibir", "meridian", "spectr", "avangard", "kvant", "stroyinvest", "agro", "integral",
    "polus", "lider", "granit", "td", "energo"};
const char *enCompanyWord[] = {"Northwind", "Acme", "Blue Harbor", "Fjord", "Contoso", "Globex",
    "Sunrise", "Kappa", "Baltic", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Soylent",
    "Vandelay", "Hooli", "Pied Piper", "Dunder", "Oceanic"};
const char *enCompanyKind[] = {"Traders", "Logistics", "Hotels", "Software", "Retail", "Medical",
    "Dental", "Engineering", "Freight", "Foods", "Consulting", "Labs"};

const char *taskTitles[] = {"Поставка оборудования", "Счёт на оплату", "Настроить интеграцию с 1С",
    "Возврат товара", "Гарантийный ремонт", "Согласовать договор", "Не работает личный кабинет",
    "Подключить второй офис", "Quarterly invoice", "Delivery delayed", "Set up SIP trunk",
    "Renew the support contract", "Onboarding of new staff", "Broken label printer",
    "Price list update", "Demo of the new module"};
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

template<typename T, size_t N> const T &pick(FakeData &data, const T (&items)[N])
{
    return items[data.below(int(N))];
}

} // namespace

FakeData::Name FakeData::personName(bool russian)
{
    Name n;
    n.russian = russian;
    if (!russian) {
        const QString first = QString::fromUtf8(pick(*this, enFirst));
        n.full = first + u' ' + QString::fromUtf8(pick(*this, enLast));
        n.latinFirst = first.toLower();
        return n;
    }
    const bool female = chance(50);
    const FirstName &first = female ? pick(*this, ruFemale) : pick(*this, ruMale);
    QString last = QString::fromUtf8(pick(*this, ruLast));
    if (female)
        last += u'а';
    n.full = QString::fromUtf8(first.name) + u' ' + last;
    n.latinFirst = QString::fromLatin1(first.latin);
    return n;
}

QString FakeData::companyName(bool russian, qint64 serial)
{
    // The serial keeps names apart the way real registers do (there are many "Ромашка"s).
    if (russian)
        return QStringLiteral("%1 «%2-%3»")
            .arg(QString::fromUtf8(pick(*this, ruCompanyForm)),
                QString::fromUtf8(ruCompanyWord[serial % std::size(ruCompanyWord)]))
            .arg(serial);
    return QStringLiteral("%1 %2 %3")
        .arg(QString::fromUtf8(enCompanyWord[serial % std::size(enCompanyWord)]),
            QString::fromUtf8(pick(*this, enCompanyKind)))
        .arg(serial);
}

QString FakeData::domain(const QString &companyName, qint64 serial, bool russian)
{
    Q_UNUSED(companyName)
    if (russian)
        return QStringLiteral("%1-%2.ru")
            .arg(QString::fromLatin1(ruCompanyLatin[serial % std::size(ruCompanyLatin)]))
            .arg(serial);
    QString word = QString::fromUtf8(enCompanyWord[serial % std::size(enCompanyWord)]).toLower();
    word.remove(u' ');
    return QStringLiteral("%1-%2.com").arg(word).arg(serial);
}

QString FakeData::phone(bool russian)
{
    const int a = 900 + below(100), b = 100 + below(900), c = below(100), d = below(100);
    const QString cc = QStringLiteral("%1").arg(c, 2, 10, QLatin1Char('0'));
    const QString dd = QStringLiteral("%1").arg(d, 2, 10, QLatin1Char('0'));
    if (!russian) {
        switch (below(3)) {
        case 0:
            // London numbers start 020 3, 7 or 8: the others are no numbers.
            return QStringLiteral("+44 20 7%1 %2%3").arg(100 + below(900)).arg(cc, dd);
        case 1: {
            static const int areas[] = {212, 312, 415, 617, 716}; // ones that exist
            return QStringLiteral("+1 (%1) 555-%2%3").arg(areas[below(5)]).arg(cc, dd);
        }
        default:
            return QStringLiteral("+49 30 %1%2%3").arg(b).arg(cc, dd);
        }
    }
    switch (below(5)) {
    case 0:
        return QStringLiteral("8 (%1) %2-%3-%4").arg(a).arg(b).arg(cc, dd);
    case 1:
        return QStringLiteral("+7 %1 %2%3%4").arg(a).arg(b).arg(cc, dd);
    case 2:
        return QStringLiteral("7%1%2%3%4").arg(a).arg(b).arg(cc, dd);
    case 3:
        return QStringLiteral("+7 (%1) %2-%3-%4").arg(a).arg(b).arg(cc, dd);
    default:
        return QStringLiteral("+7 (495) %1-%2-%3 доб. %4").arg(b).arg(cc, dd).arg(100 + below(900));
    }
}

QString FakeData::position(bool russian)
{
    static const char *ru[] = {"Менеджер по закупкам", "Главный бухгалтер", "Директор", "Юрист"};
    static const char *en[] = {"Purchasing manager", "Accountant", "Director", "Office manager"};
    return QString::fromUtf8(russian ? pick(*this, ru) : pick(*this, en));
}

QString FakeData::taskTitle()
{
    return QString::fromUtf8(pick(*this, taskTitles));
}

QString FakeData::clientLine()
{
    return QString::fromUtf8(pick(*this, clientLines));
}

QString FakeData::staffLine()
{
    return QString::fromUtf8(pick(*this, staffLines));
}

QString FakeData::internalLine()
{
    return QString::fromUtf8(pick(*this, internalLines));
}

QString FakeData::hiddenLine()
{
    return QString::fromUtf8(pick(*this, hiddenLines));
}

} // namespace linecard::bench
