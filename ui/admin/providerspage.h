#pragma once

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class PbxSetupView;

// Administration: the PBX connections. For the one selected it shows what to paste into the
// PBX (with the token right after the server made it up), makes a new token, and sends a
// test call to the administrator's own extension. Follows provider.* events.
class ProvidersPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProvidersPage(client::Session *session, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *newTokenButton() const { return m_newToken; }
    QPushButton *testCallButton() const { return m_testCall; }
    PbxSetupView *setupView() const { return m_setup; }
    QString statusText() const;
    QString errorText() const;
    bool isLoaded() const { return m_loaded; }
    QTreeWidgetItem *itemFor(qint64 providerId) const;
    void select(qint64 providerId);
    int count() const;

    void reload();
    void addProvider();
    void editSelected();
    void deleteSelected(); // asks first
    void newToken(); // asks first
    void sendTestCall();

signals:
    void loaded();
    void testCallSent(const QString &externalId);

private:
    void show(const QJsonObject &provider);
    void forget(qint64 providerId);
    void updateSelection();
    void setStatus(const QString &text, bool error);
    QJsonObject selected() const;

    client::Session *m_session;
    QTreeWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_newToken;
    QPushButton *m_testCall;
    PbxSetupView *m_setup;
    QLabel *m_status;
    // Tokens the server made up while this page was open: shown until it closes.
    QHash<qint64, QString> m_freshTokens;
    bool m_loaded = false;
};

} // namespace linecard::ui
