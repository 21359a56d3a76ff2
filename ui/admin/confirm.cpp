#include "confirm.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace linecard::ui {

void confirm(
    QWidget *parent, const QString &question, const QString &action, std::function<void()> yes)
{
    auto *box = new QMessageBox(QMessageBox::Question, parent->window()->windowTitle(), question,
        QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirmBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Cancel)
        ->setText(QCoreApplication::translate("linecard::ui::confirm", "Cancel"));
    QPushButton *button = box->addButton(action, QMessageBox::DestructiveRole);
    button->setObjectName(QStringLiteral("confirmButton"));
    QObject::connect(
        box, &QMessageBox::buttonClicked, box, [button, yes](QAbstractButton *clicked) {
            if (clicked == button)
                yes();
        });
    box->open();
}

} // namespace linecard::ui
