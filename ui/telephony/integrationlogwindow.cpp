#include "integrationlogwindow.h"

#include "payloadformatter.h"

#include "app/restclient.h"
#include "app/session.h"
#include "ui/common/windowtitle.h"
#include "ui/markdown/commentrenderer.h"

#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linecard::ui {

namespace {

constexpr int EntryRole = Qt::UserRole + 1;

QTextEdit *readOnlyView(QWidget *parent)
{
    auto *view = new QTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QTextEdit::NoWrap);
    return view;
}

QWidget *titled(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *label = new QLabel(title, box);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

QString shortTime(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime();
    return QLocale().toString(time, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

IntegrationLogWindow::IntegrationLogWindow(client::Session *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_renderer(new CommentRenderer(CodeHighlighter::instance(), this))
    , m_filterKind(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_headers(readOnlyView(this))
    , m_body(readOnlyView(this))
    , m_answer(readOnlyView(this))
    , m_status(new QLabel(this))
    , m_loadOlder(new QPushButton(tr("Load &older"), this))
{
    setObjectName(QStringLiteral("integrationLog"));
    setWindowTitle(tr("Integration log"));
    fitWindowTitle(this);
    resize(1100, 700);
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_filterKind->addItem(tr("Call id"));
    m_filterKind->addItem(tr("Number"));
    m_filter->setPlaceholderText(tr("Filter by the PBX call id or a phone number"));
    m_filter->setClearButtonEnabled(true);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    bar->addWidget(m_filterKind);
    bar->addWidget(m_filter, 1);
    bar->addWidget(refresh);
    layout->addLayout(bar);
    connect(m_filter, &QLineEdit::returnPressed, this, &IntegrationLogWindow::reload);
    connect(m_filterKind, &QComboBox::currentIndexChanged, this, &IntegrationLogWindow::reload);
    connect(refresh, &QPushButton::clicked, this, &IntegrationLogWindow::reload);

    m_tree->setHeaderLabels({tr("Call / time"), tr("Provider"), tr("Request"), tr("Answer")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &IntegrationLogWindow::showSelected);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_headers->setFont(mono);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *details = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(details);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_summary);
    topLayout->addWidget(titled(tr("Headers"), m_headers, top), 1);
    details->addWidget(top);
    details->addWidget(titled(tr("Request body"), m_body, details));
    details->addWidget(titled(tr("Answer"), m_answer, details));
    details->setSizes({160, 300, 140});

    // Under the list, where its end is; hidden when the server has nothing older.
    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_tree, 1);
    listLayout->addWidget(m_loadOlder, 0, Qt::AlignLeft);
    m_loadOlder->setObjectName(QStringLiteral("loadOlder"));
    m_loadOlder->hide();
    connect(m_loadOlder, &QPushButton::clicked, this, &IntegrationLogWindow::loadOlder);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(list);
    split->addWidget(details);
    split->setSizes({560, 540});
    layout->addWidget(split, 1);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_status);

    // Colours came: draw the selected request again.
    connect(
        m_renderer, &CommentRenderer::highlightReady, this, &IntegrationLogWindow::showSelected);
    reload();
}

IntegrationLogWindow *IntegrationLogWindow::showFor(client::Session *session, QWidget *parent)
{
    auto *window = parent->findChild<IntegrationLogWindow *>(QString(), Qt::FindDirectChildrenOnly);
    if (!window)
        window = new IntegrationLogWindow(session, parent);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void IntegrationLogWindow::setFilter(Filter kind, const QString &text)
{
    const QSignalBlocker block(m_filterKind);
    m_filterKind->setCurrentIndex(kind == Filter::Number ? 1 : 0);
    m_filter->setText(text);
    reload();
}

void IntegrationLogWindow::reload()
{
    m_query.clear();
    const QString text = m_filter->text().trimmed();
    if (!text.isEmpty())
        m_query.addQueryItem(
            m_filterKind->currentIndex() == 1 ? QStringLiteral("number") : QStringLiteral("callId"),
            QString::fromLatin1(QUrl::toPercentEncoding(text)));
    ++m_generation; // a page still coming for the old filter is dropped
    m_nextCursor.clear();
    m_loadOlder->hide();
    m_loadOlder->setEnabled(true); // an older page it waited for will not come
    fetch({});
}

void IntegrationLogWindow::loadOlder()
{
    if (m_nextCursor.isEmpty() || !m_loadOlder->isEnabled())
        return;
    m_loadOlder->setEnabled(false); // one page at a time
    fetch(m_nextCursor);
}

void IntegrationLogWindow::fetch(const QString &cursor)
{
    QUrlQuery query = m_query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    const int generation = m_generation;
    const bool older = !cursor.isEmpty();
    m_status->setText(tr("Loading…"));
    m_session->rest()->get(
        QStringLiteral("/api/v1/telephony/log?") + query.toString(QUrl::FullyEncoded), this,
        [this, generation, older](const QJsonObject &json) {
            if (generation != m_generation)
                return;
            if (!older)
                m_items = {};
            for (const QJsonValue &item : json.value(QStringLiteral("items")).toArray())
                m_items.append(item);
            m_nextCursor = json.value(QStringLiteral("nextCursor")).toString();
            fill(older);
            m_loadOlder->setEnabled(true);
            m_loadOlder->setVisible(!m_nextCursor.isEmpty());
            emit loaded();
        },
        [this, generation, older](const client::ApiFailure &failure) {
            if (generation != m_generation)
                return;
            if (!older) {
                m_items = {};
                m_tree->clear();
            }
            m_loadOlder->setEnabled(true); // what is listed stays; the button tries again
            m_status->setText(failure.describe());
            emit loaded();
        });
}

void IntegrationLogWindow::fill(bool keepPlace)
{
    // An older page can add requests to a call already listed: the tree is drawn again
    // from every page, keeping the selection and the scroll position.
    const QTreeWidgetItem *current = m_tree->currentItem();
    const qint64 selectedId = keepPlace && current
        ? current->data(0, EntryRole).toJsonObject().value(QStringLiteral("id")).toInteger()
        : 0;
    const int scroll = m_tree->verticalScrollBar()->value();
    const QJsonArray &items = m_items;
    m_tree->clear();
    // Newest first from the server; a call's group sits where its newest request is, and
    // lists its requests in the order they came.
    QHash<QString, QTreeWidgetItem *> groups;
    QTreeWidgetItem *reselect = nullptr;
    for (qsizetype i = items.size() - 1; i >= 0; --i) {
        const QJsonObject entry = items.at(i).toObject();
        const QString callId = entry.value(QStringLiteral("externalId")).toString();
        QTreeWidgetItem *group = groups.value(callId);
        if (!group) {
            group = new QTreeWidgetItem;
            group->setText(0, callId.isEmpty() ? tr("(no call id)") : callId);
            group->setFirstColumnSpanned(false);
            m_tree->insertTopLevelItem(0, group);
            groups.insert(callId, group);
        } else {
            // Moves up to its newest request.
            m_tree->takeTopLevelItem(m_tree->indexOfTopLevelItem(group));
            m_tree->insertTopLevelItem(0, group);
        }
        auto *item = new QTreeWidgetItem(group);
        item->setData(0, EntryRole, entry);
        if (selectedId && entry.value(QStringLiteral("id")).toInteger() == selectedId)
            reselect = item;
        item->setText(0, shortTime(entry.value(QStringLiteral("receivedAt")).toString()));
        item->setText(1, entry.value(QStringLiteral("providerName")).toString());
        QStringList kinds;
        for (const QJsonValue &event : entry.value(QStringLiteral("events")).toArray())
            kinds << event.toObject().value(QStringLiteral("kind")).toString();
        item->setText(2,
            entry.value(QStringLiteral("method")).toString() + u' '
                + entry.value(QStringLiteral("path")).toString()
                + (kinds.isEmpty() ? QString() : QStringLiteral(" → ") + kinds.join(u',')));
        item->setText(3, QString::number(entry.value(QStringLiteral("status")).toInt()));
        if (entry.value(QStringLiteral("status")).toInt() >= 400)
            item->setForeground(3, QColor(0xc6, 0x28, 0x28));
        group->setText(1, item->text(1));
        group->setText(3, tr("%n request(s)", nullptr, int(group->childCount())));
    }
    m_tree->expandAll();
    m_status->setText(items.isEmpty()
            ? tr("No requests logged for this filter.")
            : tr("The latest %n request(s).", nullptr, int(items.size())));
    if (reselect)
        m_tree->setCurrentItem(reselect);
    else if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0)->child(0));
    else
        showSelected();
    if (keepPlace)
        m_tree->verticalScrollBar()->setValue(scroll); // the older ones come in below
}

void IntegrationLogWindow::showSelected()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    const QJsonObject entry = item ? item->data(0, EntryRole).toJsonObject() : QJsonObject();
    if (entry.isEmpty()) {
        m_summary->clear();
        m_headers->clear();
        m_body->clear();
        m_answer->clear();
        return;
    }
    QStringList kinds;
    for (const QJsonValue &event : entry.value(QStringLiteral("events")).toArray())
        kinds << event.toObject().value(QStringLiteral("kind")).toString();
    m_summary->setText(tr("%1 %2 from %3 at %4 — answered %5; call events: %6")
                           .arg(entry.value(QStringLiteral("method")).toString(),
                               entry.value(QStringLiteral("path")).toString(),
                               entry.value(QStringLiteral("remoteAddress")).toString(),
                               shortTime(entry.value(QStringLiteral("receivedAt")).toString()),
                               QString::number(entry.value(QStringLiteral("status")).toInt()),
                               kinds.isEmpty() ? tr("none") : kinds.join(QStringLiteral(", "))));
    const QJsonObject headers = entry.value(QStringLiteral("headers")).toObject();
    QStringList headerLines;
    for (auto it = headers.begin(); it != headers.end(); ++it)
        headerLines << it.key() + QStringLiteral(": ") + it.value().toString();
    m_headers->setPlainText(headerLines.join(u'\n'));

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const FormattedPayload body
        = PayloadFormatter::format(entry.value(QStringLiteral("body")).toString(),
            headers.value(QStringLiteral("content-type")).toString());
    const FormattedPayload answer
        = PayloadFormatter::format(entry.value(QStringLiteral("answer")).toString());
    display(m_body, m_renderer->renderCode(body.text, body.language, mono, palette()));
    display(m_answer, m_renderer->renderCode(answer.text, answer.language, mono, palette()));
}

void IntegrationLogWindow::display(QTextEdit *view, std::unique_ptr<QTextDocument> document)
{
    // The view owns the document it shows; the one it showed before goes.
    QTextDocument *old = view->document();
    const bool ours = old->parent() == view; // the editor's own first one it deletes itself
    document->setParent(view);
    view->setDocument(document.release());
    if (ours)
        delete old;
}

} // namespace linecard::ui
