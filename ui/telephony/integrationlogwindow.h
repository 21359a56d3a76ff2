#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextDocument;
class QTextEdit;
class QTreeWidget;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class CommentRenderer;

// The administrators' integration log: the latest PBX requests from the server
// (GET /api/v1/telephony/log), grouped by the PBX's call id, filtered by call id or number;
// the selected request's headers, body and answer pretty-printed and highlighted. A page
// at a time: "Load older" under the list appends the next one.
class IntegrationLogWindow : public QWidget
{
    Q_OBJECT
public:
    enum class Filter
    {
        CallId,
        Number
    };

    explicit IntegrationLogWindow(client::Session *session, QWidget *parent = nullptr);
    // The window of parent (made once), raised.
    static IntegrationLogWindow *showFor(client::Session *session, QWidget *parent);

    void setFilter(Filter kind, const QString &text);
    // Starts over from the newest request, with the filter in the box.
    void reload();
    // The next page of older requests for the filter shown (nothing while one is loading).
    void loadOlder();
    // Requests per page (200, the server's most); tests page with fewer.
    void setPageSize(int size) { m_pageSize = size; }

    QTreeWidget *requestTree() const { return m_tree; }
    QTextEdit *requestView() const { return m_body; }
    QTextEdit *answerView() const { return m_answer; }
    QLabel *summaryLine() const { return m_summary; }
    QLabel *statusLine() const { return m_status; }
    QPushButton *loadOlderButton() const { return m_loadOlder; }

signals:
    void loaded();

private:
    void fetch(const QString &cursor);
    void fill(bool keepPlace);
    void showSelected();
    static void display(QTextEdit *view, std::unique_ptr<QTextDocument> document);

    client::Session *m_session;
    CommentRenderer *m_renderer;
    QComboBox *m_filterKind;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QLabel *m_summary;
    QTextEdit *m_headers;
    QTextEdit *m_body;
    QTextEdit *m_answer;
    QLabel *m_status;
    QPushButton *m_loadOlder;
    QUrlQuery m_query; // the filter of what is shown, kept for its older pages
    QJsonArray m_items; // every page loaded, newest first
    QString m_nextCursor;
    int m_pageSize = 200;
    int m_generation = 0; // answers to an older filter are dropped
};

} // namespace linecard::ui
