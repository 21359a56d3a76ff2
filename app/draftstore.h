#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace linecard::client {

// What the operator typed and did not send yet, per thread ("task:12", "contact:7"), kept
// on disk at once (atomic writes), so a restart or a crash loses nothing.
class DraftStore
{
public:
    explicit DraftStore(const QString &filePath);

    QJsonObject draft(const QString &key) const { return m_drafts.value(key); }
    // An empty draft (no text) removes the entry.
    void setDraft(const QString &key, const QJsonObject &draft);
    void clear(const QString &key) { setDraft(key, {}); }
    QString filePath() const { return m_path; }

private:
    void load();
    bool save() const;

    QString m_path;
    QHash<QString, QJsonObject> m_drafts;
};

} // namespace linecard::client
