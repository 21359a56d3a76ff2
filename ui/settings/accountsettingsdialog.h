#pragma once

#include "models/accountsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class RegionComboBox;

// The administrator's account settings (GET/PATCH /api/v1/settings): what contacts see
// (contactsSeeOnlyNotified, shareWithinCompany) and where call records go (SPEC section 2).
// A saved change holds at once, for old comments too, in every client signed in.
class AccountSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AccountSettingsDialog(client::Session *session, QWidget *parent = nullptr);

    // What the form says now.
    AccountSettings settings() const;
    bool isLoaded() const { return m_loaded; }
    QString errorText() const;

    QCheckBox *onlyNotifiedBox() const { return m_onlyNotified; }
    QCheckBox *shareBox() const { return m_share; }
    QComboBox *attachTargetBox() const { return m_attachTarget; }
    QCheckBox *attachHiddenBox() const { return m_attachHidden; }
    QCheckBox *createCallersBox() const { return m_createCallers; }
    RegionComboBox *phoneRegionBox() const { return m_phoneRegion; }
    QPushButton *saveButton() const { return m_save; }

signals:
    void loaded();
    void saved(const AccountSettings &settings);

private:
    void load();
    void save();
    void showSettings(const AccountSettings &settings);
    void showError(const QString &text);

    client::Session *m_session;
    bool m_loaded = false;
    QCheckBox *m_onlyNotified;
    QCheckBox *m_share;
    QComboBox *m_attachTarget;
    QCheckBox *m_attachHidden;
    QCheckBox *m_createCallers;
    RegionComboBox *m_phoneRegion;
    QLabel *m_error;
    QPushButton *m_save;
};

} // namespace linecard::ui
