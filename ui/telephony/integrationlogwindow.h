#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
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
// the selected request's headers, body and answer pretty-printed and highlighted.
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
    void reload();

    QTreeWidget *requestTree() const { return m_tree; }
    QTextEdit *requestView() const { return m_body; }
    QTextEdit *answerView() const { return m_answer; }
    QLabel *summaryLine() const { return m_summary; }
    QLabel *statusLine() const { return m_status; }

signals:
    void loaded();

private:
    void fill(const QJsonArray &items);
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
    int m_generation = 0; // answers to an older filter are dropped
};

} // namespace linecard::ui
