#include "linedialog.h"

#include "fielderrors.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/jsonread.h"
#include "models/peopledirectory.h"
#include "models/phonenumber.h"
#include "ui/calls/callheader.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace linecard::ui {

static bool isColor(const QString &text)
{
    static const QRegularExpression color(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return color.match(text).hasMatch();
}

LineDialog::LineDialog(client::Session *session, const Line &line, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_line(line)
    , m_number(new QLineEdit(line.number, this))
    , m_name(new QLineEdit(line.name, this))
    , m_color(new QLineEdit(line.color.isEmpty() ? QStringLiteral("#4a90d9") : line.color, this))
    , m_pick(new QPushButton(tr("&Pick…"), this))
    , m_preview(new CallHeader(this))
    , m_employees(new QListWidget(this))
    , m_save(new QPushButton(line.id ? tr("&Save") : tr("&Add"), this))
    , m_errors(new FieldErrors(this))
{
    setObjectName(QStringLiteral("lineDialog"));
    setWindowTitle(line.id ? tr("Edit line %1").arg(line.name.isEmpty() ? line.number : line.name)
                           : tr("Add a line"));
    m_number->setAccessibleName(tr("Number"));
    m_number->setPlaceholderText(tr("the company's number, e.g. +7 495 120-00-01"));
    m_name->setAccessibleName(tr("Line name"));
    m_name->setPlaceholderText(tr("e.g. Sales"));
    m_color->setAccessibleName(tr("Colour"));
    m_color->setMaxLength(7);
    m_pick->setAccessibleName(tr("Pick a colour"));
    m_preview->setObjectName(QStringLiteral("linePreview"));
    m_preview->setAccessibleName(tr("Call window preview"));
    m_preview->setCaller(tr("+1 555 0100 · Example caller"));
    m_preview->setState(tr("Ringing"));
    m_employees->setAccessibleName(tr("Employees the line rings"));
    m_save->setAccessibleName(m_save->text().remove(u'&'));

    QList<qint64> listed;
    auto addEmployee = [this, &line, &listed](qint64 id, const QString &name) {
        auto *item = new QListWidgetItem(name, m_employees);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(line.employeeIds.contains(id) ? Qt::Checked : Qt::Unchecked);
        listed << id;
    };
    for (const Person &p : session->people()->employees())
        addEmployee(p.id, p.name);
    // Deactivated employees stay on the line (ringing again once reactivated) unless the
    // administrator unticks them; meanwhile calls skip them.
    for (qint64 id : line.employeeIds)
        if (!listed.contains(id))
            addEmployee(id, tr("%1 (deactivated, not ringing)").arg(session->people()->name(id)));
    m_employees->setMaximumHeight(160);

    auto *colorRow = new QWidget(this);
    auto *colorLayout = new QHBoxLayout(colorRow);
    colorLayout->setContentsMargins(0, 0, 0, 0);
    m_color->setParent(colorRow);
    m_pick->setParent(colorRow);
    colorLayout->addWidget(m_color);
    colorLayout->addWidget(m_pick);
    colorLayout->addStretch();
    connect(m_pick, &QPushButton::clicked, this, [this] {
        auto *picker = new QColorDialog(QColor(m_color->text()), this);
        picker->setAttribute(Qt::WA_DeleteOnClose);
        connect(picker, &QColorDialog::currentColorChanged, this,
            [this](const QColor &c) { m_color->setText(c.name()); });
        picker->open();
    });
    connect(m_color, &QLineEdit::textChanged, this, &LineDialog::updatePreview);
    connect(m_name, &QLineEdit::textChanged, this, &LineDialog::updatePreview);
    connect(m_number, &QLineEdit::textChanged, this, &LineDialog::updatePreview);

    auto *form = new QFormLayout;
    form->addRow(tr("&Number:"), m_errors->wrap(QStringLiteral("number"), m_number));
    form->addRow(tr("Na&me:"), m_errors->wrap(QStringLiteral("name"), m_name));
    form->addRow(tr("&Colour:"), m_errors->wrap(QStringLiteral("color"), colorRow, m_color));
    form->addRow(tr("Preview:"), m_preview);
    auto *ringsNote = new QLabel(
        tr("Employees who get the pop-up when the PBX names no extension (a shared handset):"),
        this);
    ringsNote->setWordWrap(true);
    form->addRow(ringsNote);
    form->addRow(m_errors->wrap(QStringLiteral("employeeIds"), m_employees));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // Ours, not Qt's: Debian's Qt 6.4 ships no Russian qtbase catalogue.
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &LineDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors->general());
    layout->addWidget(buttons);
    setMinimumWidth(480);
    updatePreview();
}

void LineDialog::updatePreview()
{
    const QString color = m_color->text().trimmed();
    m_preview->setColor(isColor(color) ? QColor(color) : QColor());
    const QString name = m_name->text().trimmed();
    m_preview->setTitle(name.isEmpty() ? m_number->text().trimmed() : name);
}

void LineDialog::setEmployeeChecked(qint64 personId, bool checked)
{
    for (int i = 0; i < m_employees->count(); ++i)
        if (m_employees->item(i)->data(Qt::UserRole).toLongLong() == personId)
            m_employees->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QList<qint64> LineDialog::checkedEmployees() const
{
    QList<qint64> checked;
    for (int i = 0; i < m_employees->count(); ++i)
        if (m_employees->item(i)->checkState() == Qt::Checked)
            checked << m_employees->item(i)->data(Qt::UserRole).toLongLong();
    // Those the line rang already keep their order; the newly ticked follow.
    QList<qint64> ids;
    for (qint64 id : m_line.employeeIds)
        if (checked.contains(id))
            ids << id;
    for (qint64 id : std::as_const(checked))
        if (!ids.contains(id))
            ids << id;
    return ids;
}

bool LineDialog::check()
{
    m_errors->clear();
    const QString number = m_number->text().trimmed();
    if (number.isEmpty() || number.size() > 50 || PhoneNumber::digitsOnly(number).isEmpty()) {
        m_errors->show(QStringLiteral("number"), tr("Enter the line's phone number."));
        return false;
    }
    if (m_name->text().trimmed().size() > 200) {
        m_errors->show(QStringLiteral("name"), tr("A name has at most 200 characters."));
        return false;
    }
    if (!isColor(m_color->text().trimmed())) {
        m_errors->show(QStringLiteral("color"), tr("A colour is written #rrggbb, e.g. #2e7d32."));
        return false;
    }
    return true;
}

void LineDialog::save()
{
    if (!check())
        return;
    const QJsonObject body {{QStringLiteral("number"), m_number->text().trimmed()},
        {QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("color"), m_color->text().trimmed().toLower()},
        {QStringLiteral("employeeIds"), idsToJson(checkedEmployees())}};
    m_save->setEnabled(false);
    const auto done = [this](const QJsonObject &json) {
        m_save->setEnabled(true);
        if (const auto line = Line::fromJson(json))
            emit saved(*line);
        accept();
    };
    const auto failed = [this](const client::ApiFailure &failure) {
        m_save->setEnabled(true);
        m_errors->show(failure);
    };
    if (m_line.id)
        m_session->rest()->put(
            QStringLiteral("/api/v1/lines/%1").arg(m_line.id), body, this, done, failed);
    else
        m_session->rest()->post(QStringLiteral("/api/v1/lines"), body, this, done, failed);
}

} // namespace linecard::ui
