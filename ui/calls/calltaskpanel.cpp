#include "calltaskpanel.h"

#include "ui/tasks/composer.h"
#include "ui/tasks/taskview.h"

#include <QAction>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace linecard::ui {

CallTaskPanel::CallTaskPanel(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_view(new TaskView(session, this))
{
    setObjectName(QStringLiteral("callTaskPanel"));
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back = bar->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Back"));
    m_back->setToolTip(tr("The task opened before this one"));
    m_forward = bar->addAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Forward"));
    m_attach = bar->addAction(
        QIcon::fromTheme(QStringLiteral("mail-attachment")), tr("Attach the call here"));
    m_attach->setObjectName(QStringLiteral("attachCallHere"));
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    QAction *close
        = bar->addAction(style()->standardIcon(QStyle::SP_TitleBarCloseButton), tr("Close"));
    close->setToolTip(tr("Close the task and give the card the room"));

    connect(m_back, &QAction::triggered, this, [this] { showAt(m_index - 1); });
    connect(m_forward, &QAction::triggered, this, [this] { showAt(m_index + 1); });
    connect(m_attach, &QAction::triggered, this, [this] {
        if (taskId())
            emit attachHere(taskId(), m_view->task().value(QStringLiteral("title")).toString());
    });
    connect(close, &QAction::triggered, this, &CallTaskPanel::closeRequested);
    connect(m_view, &TaskView::openContact, this, &CallTaskPanel::openContact);
    connect(m_view->composer(), &Composer::sent, this, &CallTaskPanel::commentSent);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);
    updateActions();
}

qint64 CallTaskPanel::taskId() const
{
    return m_index >= 0 ? m_visited.at(m_index) : 0;
}

void CallTaskPanel::openTask(qint64 taskId)
{
    if (taskId == this->taskId())
        return;
    // Opening a task from the middle of the history drops the forward part, as browsers do.
    m_visited = m_visited.mid(0, m_index + 1);
    m_visited.append(taskId);
    showAt(int(m_visited.size()) - 1);
}

void CallTaskPanel::showAt(int index)
{
    if (index < 0 || index >= m_visited.size())
        return;
    m_index = index;
    m_view->showTask(m_visited.at(index));
    updateActions();
}

void CallTaskPanel::setAttachedTaskId(qint64 taskId)
{
    m_attachedTaskId = taskId;
    updateActions();
}

void CallTaskPanel::updateActions()
{
    m_back->setEnabled(m_index > 0);
    m_forward->setEnabled(m_index >= 0 && m_index + 1 < m_visited.size());
    const bool attached = taskId() && taskId() == m_attachedTaskId;
    m_attach->setEnabled(taskId() && !attached);
    m_attach->setText(attached ? tr("The call is attached here") : tr("Attach the call here"));
}

} // namespace linecard::ui
