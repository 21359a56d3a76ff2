// Qt's own strings (the standard buttons, a line edit's context menu) follow the Russian UI:
// qtbase_ru from qt6-translations-l10n, found and installed the way the program does it.
#include "app/translations.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTest>

#include <memory>

class TestQtTranslations : public QObject
{
    Q_OBJECT

private slots:
    void standardStringsInRussian()
    {
        QVERIFY(
            linecard::client::installTranslations(qApp, QLocale(QLocale::Russian, QLocale::Russia))
            >= 1);

        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Отмена"));

        QLineEdit edit(QStringLiteral("text"));
        const std::unique_ptr<QMenu> menu(edit.createStandardContextMenu());
        QStringList texts;
        for (const QAction *action : menu->actions())
            if (!action->isSeparator())
                texts << action->text().remove(u'&').section(u'\t', 0, 0);
        QVERIFY2(texts.contains(QStringLiteral("Выделить всё")), qPrintable(texts.join(u'|')));
        QVERIFY2(!texts.contains(QStringLiteral("Select All")), qPrintable(texts.join(u'|')));
    }
};

QTEST_MAIN(TestQtTranslations)
#include "tst_qttranslations.moc"
