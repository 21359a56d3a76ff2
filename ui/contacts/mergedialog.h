#pragma once

#include "models/person.h"

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class ContactPicker;
class MergeCounts;
class NoticeBar;

// Merges two records of one person: find the other record by search, choose which one
// stays, read what will move (tasks, comments, phones, e-mails) and what is lost, confirm.
// Nothing is merged before the operator has seen the counts.
class MergeDialog : public QDialog
{
    Q_OBJECT
public:
    MergeDialog(client::Session *session, const Person &contact, QWidget *parent = nullptr);

    // Which record survives once the other is picked: by default the one found, so that
    // the contact shown (often a caller created on the fly) is merged into the known one.
    void setKeepShown(bool keepShown);
    qint64 survivorId() const;
    qint64 duplicateId() const;
    QString duplicateName() const { return m_other.id ? duplicate().name : QString(); }
    bool isCounting() const;
    QString summaryText() const; // plain text of what will move

    ContactPicker *picker() const { return m_picker; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *mergeButton() const { return m_merge; }
    QRadioButton *keepShownButton() const { return m_keepShown; }
    QRadioButton *keepOtherButton() const { return m_keepOther; }
    QString errorText() const;

signals:
    void merged(qint64 survivorId, qint64 duplicateId, const QJsonObject &survivor);

private:
    void goToConfirm();
    void goToSearch();
    void updateSummary();
    void merge();
    const Person &survivor() const;
    const Person &duplicate() const;

    client::Session *m_session;
    Person m_shown;
    Person m_other;
    MergeCounts *m_shownCounts;
    MergeCounts *m_otherCounts;
    QStackedWidget *m_pages;
    ContactPicker *m_picker;
    QRadioButton *m_keepOther;
    QRadioButton *m_keepShown;
    QLabel *m_summary;
    NoticeBar *m_error;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_merge;
    QObject *m_request = nullptr;
};

} // namespace linecard::ui
