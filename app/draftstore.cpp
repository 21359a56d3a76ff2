#include "draftstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace linecard::client {

DraftStore::DraftStore(const QString &filePath)
    : m_path(filePath)
{
    load();
}

void DraftStore::load()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject all = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = all.begin(); it != all.end(); ++it)
        if (it.value().isObject())
            m_drafts.insert(it.key(), it.value().toObject());
}

void DraftStore::setDraft(const QString &key, const QJsonObject &draft)
{
    if (draft.value(QStringLiteral("text")).toString().isEmpty()) {
        if (!m_drafts.remove(key))
            return;
    } else {
        if (m_drafts.value(key) == draft)
            return;
        m_drafts.insert(key, draft);
    }
    save();
}

bool DraftStore::save() const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QJsonObject all;
    for (auto it = m_drafts.begin(); it != m_drafts.end(); ++it)
        all.insert(it.key(), it.value());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(all).toJson(QJsonDocument::Compact));
    return file.commit();
}

} // namespace linecard::client
