#include "tokenstore.h"

#include <qt6keychain/keychain.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <memory>
#include <utility>

namespace linecard::client {

static const QString service = QStringLiteral("Linecard");

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
    , m_fallbackDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
{ }

QString TokenStore::fallbackPath(const QString &account) const
{
    const QByteArray key
        = QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(m_fallbackDir).filePath(QStringLiteral("token-%1").arg(QString::fromLatin1(key)));
}

void TokenStore::noteFallback(const QString &reason)
{
    if (!m_usedFallback) {
        m_usedFallback = true;
        emit keychainUnavailable(reason);
    }
}

bool TokenStore::writeFile(const QString &account, const QString &token)
{
    QDir().mkpath(m_fallbackDir);
    QSaveFile file(fallbackPath(account));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    // Owner-only before any byte of the secret is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(token.toUtf8());
    return file.commit();
}

QString TokenStore::readFile(const QString &account) const
{
    QFile file(fallbackPath(account));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void TokenStore::save(const QString &account, const QString &token, std::function<void()> done)
{
    auto *job = new QKeychain::WritePasswordJob(service, this);
    job->setKey(account);
    job->setTextData(token);
    auto answered = std::make_shared<bool>(false);
    QTimer::singleShot(keychainTimeoutMs, this, [this, account, token, done, answered] {
        if (std::exchange(*answered, true))
            return;
        noteFallback(tr("The keychain did not answer."));
        writeFile(account, token);
        if (done)
            done();
    });
    connect(job, &QKeychain::Job::finished, this,
        [this, account, token, done, answered](QKeychain::Job *job) {
            if (std::exchange(*answered, true))
                return;
            if (job->error() != QKeychain::NoError) {
                noteFallback(job->errorString());
                writeFile(account, token);
            } else {
                QFile::remove(fallbackPath(account));
            }
            if (done)
                done();
        });
    job->start();
}

void TokenStore::load(const QString &account, std::function<void(const QString &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setKey(account);
    // A keychain that never answers (a stuck secret service, an event loop without GLib for
    // libsecret) must not hold the start-up: after a while the file decides.
    auto answered = std::make_shared<bool>(false);
    QTimer::singleShot(keychainTimeoutMs, this, [this, account, done, answered] {
        if (std::exchange(*answered, true))
            return;
        noteFallback(tr("The keychain did not answer."));
        done(readFile(account));
    });
    connect(
        job, &QKeychain::Job::finished, this, [this, account, done, answered](QKeychain::Job *job) {
            if (std::exchange(*answered, true))
                return;
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(job);
            if (read->error() == QKeychain::NoError && !read->textData().isEmpty()) {
                done(read->textData());
                return;
            }
            if (read->error() != QKeychain::EntryNotFound)
                noteFallback(read->errorString());
            done(readFile(account));
        });
    job->start();
}

void TokenStore::remove(const QString &account, std::function<void()> done)
{
    QFile::remove(fallbackPath(account));
    auto *job = new QKeychain::DeletePasswordJob(service, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *) {
        if (done)
            done();
    });
    job->start();
}

} // namespace linecard::client
