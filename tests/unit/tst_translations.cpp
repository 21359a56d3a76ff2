#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

// The Russian translation ships complete: every source string of the client has a
// finished, non-empty translation (plural forms included) and keeps its placeholders.
class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void russianIsComplete();
};

static QStringList placeholders(const QString &text)
{
    QStringList out;
    for (int i = 0; i + 1 < text.size(); ++i)
        if (text.at(i) == u'%' && (text.at(i + 1).isDigit() || text.at(i + 1) == u'n'))
            out << text.mid(i, 2);
    out.sort();
    out.removeDuplicates();
    return out;
}

void TestTranslations::russianIsComplete()
{
    QFile file(QStringLiteral(LINECARD_TS_RU));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    int messages = 0;
    QString context, source;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("obsolete") || type == QLatin1String("vanished")) {
                xml.skipCurrentElement();
                continue;
            }
            QStringList forms;
            while (xml.readNext() != QXmlStreamReader::EndElement
                || xml.name() != QLatin1String("translation")) {
                if (xml.isCharacters() && !xml.isWhitespace() && forms.isEmpty())
                    forms << xml.text().toString();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    forms << xml.readElementText();
                if (xml.atEnd())
                    break;
            }
            if (type == QLatin1String("unfinished"))
                problems << context + QStringLiteral(": unfinished: ") + source;
            for (const QString &form : forms) {
                if (form.trimmed().isEmpty())
                    problems << context + QStringLiteral(": empty: ") + source;
                else if (!source.contains(QLatin1String("%n"))
                    && placeholders(form) != placeholders(source))
                    problems << context + QStringLiteral(": placeholders differ: ") + source;
            }
            if (forms.isEmpty())
                problems << context + QStringLiteral(": empty: ") + source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 50, "the translation file holds the client's strings");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
