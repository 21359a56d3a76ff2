#include "setupdialog.h"

#include "adminwindow.h"
#include "linespage.h"
#include "peoplepage.h"
#include "providerspage.h"

#include "app/eventrouter.h"
#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace linecard::ui {

SetupDialog::SetupDialog(client::Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_line(new QPushButton(tr("Add a &line…"), this))
    , m_provider(new QPushButton(tr("Connect a &PBX…"), this))
    , m_people(new QPushButton(tr("Add &operators…"), this))
    , m_states {new QLabel(this), new QLabel(this), new QLabel(this)}
{
    setObjectName(QStringLiteral("setupDialog"));
    setWindowTitle(tr("Set up Linecard"));
    m_line->setAccessibleName(tr("Add a line"));
    m_provider->setAccessibleName(tr("Connect a PBX"));
    m_people->setAccessibleName(tr("Add operators"));

    auto *intro = new QLabel(tr("Three steps to the first call pop-up. Each can be skipped and "
                                "done later from the account menu (Administration)."),
        this);
    intro->setWordWrap(true);
    const QString texts[3] = {
        tr("A line is a company phone number with a name and a colour: call windows "
           "show it."),
        tr("Connect the PBX (PlanFix or Zammad format): Linecard shows the address and "
           "token to enter there, and can send a test call."),
        tr("Operators sign in with a login and get call pop-ups on their extensions."),
    };
    QPushButton *buttons[3] = {m_line, m_provider, m_people};
    auto *grid = new QGridLayout;
    for (int step = 0; step < 3; ++step) {
        auto *number = new QLabel(QStringLiteral("<b>%1.</b>").arg(step + 1), this);
        auto *text = new QLabel(texts[step], this);
        text->setWordWrap(true);
        grid->addWidget(number, step, 0, Qt::AlignTop);
        grid->addWidget(text, step, 1);
        grid->addWidget(buttons[step], step, 2, Qt::AlignTop);
        grid->addWidget(m_states[step], step, 3, Qt::AlignTop);
    }
    grid->setColumnStretch(1, 1);

    const auto open = [this](AdminWindow::Tab tab) {
        AdminWindow *window = AdminWindow::showFor(m_session, parentWidget(), tab);
        return window;
    };
    connect(m_line, &QPushButton::clicked, this,
        [open] { open(AdminWindow::Tab::Lines)->lines()->addLine(); });
    connect(m_provider, &QPushButton::clicked, this,
        [open] { open(AdminWindow::Tab::Providers)->providers()->addProvider(); });
    connect(m_people, &QPushButton::clicked, this,
        [open] { open(AdminWindow::Tab::People)->people()->addPerson(); });
    // What the checklist counts changed, here or in another administrator's client.
    client::EventRouter *router = session->router();
    connect(router, &client::EventRouter::lineUpdated, this, &SetupDialog::refresh);
    connect(router, &client::EventRouter::lineDeleted, this, &SetupDialog::refresh);
    connect(router, &client::EventRouter::providerChanged, this, &SetupDialog::refresh);
    connect(router, &client::EventRouter::providerDeleted, this, &SetupDialog::refresh);
    connect(router, &client::EventRouter::personChanged, this, &SetupDialog::refresh);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    box->button(QDialogButtonBox::Close)->setText(tr("&Skip for now"));
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addStretch();
    layout->addWidget(box);
    setMinimumWidth(600);
    refresh();
}

void SetupDialog::setDone(int step, bool done, const QString &text)
{
    m_states[step]->setText(done ? QStringLiteral("✓ ") + text : text);
    m_states[step]->setProperty("done", done);
}

QString SetupDialog::stepState(int step) const
{
    return m_states[step]->text();
}

void SetupDialog::refresh()
{
    // Three small lists; each answer ticks its step.
    m_session->rest()->get(QStringLiteral("/api/v1/lines"), this, [this](const QJsonObject &json) {
        const int n = int(json.value(QStringLiteral("items")).toArray().size());
        setDone(0, n > 0, n > 0 ? tr("%n line(s)", nullptr, n) : QString());
        emit refreshed();
    });
    m_session->rest()->get(
        QStringLiteral("/api/v1/telephony/providers"), this, [this](const QJsonObject &json) {
            const int n = int(json.value(QStringLiteral("items")).toArray().size());
            setDone(1, n > 0, n > 0 ? tr("%n PBX(s)", nullptr, n) : QString());
            emit refreshed();
        });
    m_session->rest()->get(
        QStringLiteral("/api/v1/people?kind=employee"), this, [this](const QJsonObject &json) {
            // The administrator alone is no team yet.
            const int n = int(json.value(QStringLiteral("items")).toArray().size()) - 1;
            setDone(2, n > 0, n > 0 ? tr("%n colleague(s)", nullptr, n) : QString());
            emit refreshed();
        });
}

void SetupDialog::offerIfNeeded(client::Session *session, QWidget *parent)
{
    if (!session->me().isEmployee() || !session->me().isAdmin)
        return;
    QPointer<QWidget> guard(parent);
    session->rest()->get(
        QStringLiteral("/api/v1/lines"), parent, [session, guard](const QJsonObject &lines) {
            if (!guard || !lines.value(QStringLiteral("items")).toArray().isEmpty())
                return;
            session->rest()->get(QStringLiteral("/api/v1/telephony/providers"), guard,
                [session, guard](const QJsonObject &providers) {
                    // Not over a window started hidden (in the tray): the menu has it.
                    if (!guard || !guard->isVisible()
                        || !providers.value(QStringLiteral("items")).toArray().isEmpty()
                        || guard->findChild<SetupDialog *>())
                        return;
                    auto *dialog = new SetupDialog(session, guard);
                    dialog->setAttribute(Qt::WA_DeleteOnClose);
                    dialog->setModal(false);
                    dialog->show();
                });
        });
}

} // namespace linecard::ui
