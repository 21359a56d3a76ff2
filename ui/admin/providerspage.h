#pragma once

#include "recordlistpage.h"

#include <QHash>

class QPushButton;

namespace linecard::ui {

class PbxSetupView;

// Administration: the PBX connections. For the one selected it shows what to paste into the
// PBX (with the token right after the server made it up), makes a new token, and sends a
// test call to the administrator's own extension. Follows provider.* events.
class ProvidersPage : public RecordListPage
{
    Q_OBJECT
public:
    explicit ProvidersPage(client::Session *session, QWidget *parent = nullptr);

    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *newTokenButton() const { return m_newToken; }
    QPushButton *testCallButton() const { return m_testCall; }
    PbxSetupView *setupView() const { return m_setup; }
    int count() const;

    void addProvider();
    void editSelected() override;
    void deleteSelected(); // asks first
    void newToken(); // asks first
    void sendTestCall();

signals:
    void testCallSent(const QString &externalId);

protected:
    void showRecord(const QJsonObject &provider) override;
    void updateButtons() override; // and what to enter in the PBX for the selected one

private:
    void forget(qint64 providerId);

    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_newToken;
    QPushButton *m_testCall;
    PbxSetupView *m_setup;
    // Tokens the server made up while this page was open: shown until it closes.
    QHash<qint64, QString> m_freshTokens;
};

} // namespace linecard::ui
