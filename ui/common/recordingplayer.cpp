#include "recordingplayer.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QSlider>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryFile>
#include <QToolButton>
#include <QVBoxLayout>

namespace linecard::ui {

// "1:05", "1:02:03": how a recording's time reads.
static QString clock(qint64 ms)
{
    const qint64 total = qMax<qint64>(0, ms / 1000);
    const qint64 h = total / 3600, m = total / 60 % 60, s = total % 60;
    return h ? QStringLiteral("%1:%2:%3")
                   .arg(h)
                   .arg(m, 2, 10, QLatin1Char('0'))
                   .arg(s, 2, 10, QLatin1Char('0'))
             : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

RecordingPlayer::RecordingPlayer(QWidget *parent)
    : QWidget(parent)
    , m_play(new QToolButton(this))
    , m_position(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
    , m_speed(new QComboBox(this))
    , m_download(new QToolButton(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("recordingPlayer"));
    m_play->setObjectName(QStringLiteral("playRecording"));
    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_position->setObjectName(QStringLiteral("recordingPosition"));
    m_position->setAccessibleName(tr("Position in the recording"));
    m_position->setEnabled(false);
    m_time->setObjectName(QStringLiteral("recordingTime"));
    m_time->setAccessibleName(tr("Recording time"));
    m_speed->setObjectName(QStringLiteral("recordingSpeed"));
    m_speed->setAccessibleName(tr("Playback speed"));
    m_speed->setToolTip(tr("Playback speed"));
    m_speed->addItem(tr("1×"), 1.0);
    m_speed->addItem(tr("1.5×"), 1.5);
    m_speed->addItem(tr("2×"), 2.0);
    m_download->setObjectName(QStringLiteral("downloadRecording"));
    m_download->setText(tr("Download…"));
    m_download->setAccessibleName(tr("Download the recording"));
    m_download->setToolTip(tr("Save the recording to a file"));
    m_message->setObjectName(QStringLiteral("recordingMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_play);
    controls->addWidget(m_position, 1);
    controls->addWidget(m_time);
    controls->addWidget(m_speed);
    controls->addWidget(m_download);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(controls);
    layout->addWidget(m_message);

    connect(m_play, &QToolButton::clicked, this, &RecordingPlayer::togglePlay);
    connect(m_download, &QToolButton::clicked, this, &RecordingPlayer::chooseDownloadFile);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        if (m_player)
            m_player->setPlaybackRate(speed());
    });
    connect(m_position, &QSlider::sliderPressed, this, [this] { m_sliderHeld = true; });
    connect(m_position, &QSlider::sliderReleased, this, [this] {
        m_sliderHeld = false;
        if (m_player)
            m_player->setPosition(m_position->value());
    });
    connect(m_position, &QSlider::actionTriggered, this, [this](int action) {
        // Keyboard and page clicks move the playback too, not only a drag.
        if (m_player && !m_sliderHeld && action != QAbstractSlider::SliderMove)
            m_player->setPosition(m_position->sliderPosition());
    });
    connect(m_position, &QSlider::sliderMoved, this, &RecordingPlayer::updateTime);
    setRecording(QUrl());
}

RecordingPlayer::~RecordingPlayer()
{
    stopFetching();
    if (m_downloading)
        m_downloading->abort();
}

void RecordingPlayer::chooseBackend()
{
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
}

void RecordingPlayer::setRecording(const QUrl &link)
{
    // Only the PBX's http(s) links are played: the server accepts no others.
    const bool web
        = link.scheme() == QLatin1String("http") || link.scheme() == QLatin1String("https");
    const QUrl url = web && !link.host().isEmpty() ? link : QUrl();
    if (url == m_url && !url.isEmpty())
        return;
    m_url = url;
    stopFetching();
    if (m_player) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
    delete m_fetched;
    m_fetched = nullptr;
    m_position->setRange(0, 0);
    m_position->setEnabled(false);
    m_play->setEnabled(!url.isEmpty());
    m_download->setEnabled(!url.isEmpty());
    m_message->clear();
    m_message->hide();
    setToolTip(url.isEmpty() ? QString() : url.toDisplayString());
    updatePlayButton();
    updateTime();
}

void RecordingPlayer::ensurePlayer()
{
    if (m_player)
        return;
    m_player = new QMediaPlayer(this);
    m_audio = new QAudioOutput(this);
    m_player->setAudioOutput(m_audio);
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 duration) {
        m_position->setRange(0, int(qMin<qint64>(duration, INT_MAX)));
        m_position->setEnabled(duration > 0);
        updateTime();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 position) {
        if (!m_sliderHeld)
            m_position->setValue(int(qMin<qint64>(position, INT_MAX)));
        updateTime();
    });
    connect(
        m_player, &QMediaPlayer::playbackStateChanged, this, &RecordingPlayer::updatePlayButton);
    connect(m_player, &QMediaPlayer::errorOccurred, this, &RecordingPlayer::onError);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &RecordingPlayer::onStatus);
}

void RecordingPlayer::play()
{
    if (m_url.isEmpty() || m_fetching)
        return;
    ensurePlayer();
    if (QMediaDevices::audioOutputs().isEmpty())
        showMessage(tr("This computer has no sound output: the recording cannot be heard here "
                       "(Download… saves it)."),
            true);
    if (!m_fetched) {
        fetchAndPlay(); // the first byte is fetched now, not before
        return;
    }
    m_player->setPlaybackRate(speed());
    m_player->play();
    updatePlayButton();
}

void RecordingPlayer::fetchAndPlay()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    auto *file = new QTemporaryFile(
        QDir::temp().filePath(QStringLiteral("linecard-recording-XXXXXX")), this);
    if (!file->open()) {
        showMessage(tr("Could not keep the recording: %1").arg(file->errorString()), true);
        delete file;
        return;
    }
    QNetworkRequest request(m_url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(60000);
    QNetworkReply *reply = m_network->get(request);
    m_fetching = reply;
    if (m_message->isHidden())
        showMessage(tr("Loading the recording…"), false);
    connect(
        reply, &QNetworkReply::readyRead, file, [reply, file] { file->write(reply->readAll()); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, file] {
        reply->deleteLater();
        if (reply != m_fetching) { // another recording was chosen meanwhile
            delete file;
            return;
        }
        m_fetching = nullptr;
        file->write(reply->readAll());
        if (reply->error() != QNetworkReply::NoError || !file->flush()) {
            showMessage(tr("The recording could not be reached: %1")
                            .arg(reply->error() != QNetworkReply::NoError ? reply->errorString()
                                                                          : file->errorString()),
                true);
            delete file;
            updatePlayButton();
            return;
        }
        m_fetched = file;
        if (m_message->text() == tr("Loading the recording…"))
            m_message->hide();
        m_player->setSource(QUrl::fromLocalFile(file->fileName()));
        m_player->setPlaybackRate(speed());
        m_player->play();
        updatePlayButton();
    });
    updatePlayButton();
}

void RecordingPlayer::stopFetching()
{
    if (QNetworkReply *reply = m_fetching) {
        m_fetching = nullptr;
        reply->abort(); // its finished handler drops the half-written file
    }
}

void RecordingPlayer::pause()
{
    if (m_player)
        m_player->pause();
}

bool RecordingPlayer::isPlaying() const
{
    return m_player && m_player->playbackState() == QMediaPlayer::PlayingState;
}

qint64 RecordingPlayer::position() const
{
    return m_player ? m_player->position() : 0;
}

qint64 RecordingPlayer::duration() const
{
    return m_player ? m_player->duration() : 0;
}

qreal RecordingPlayer::speed() const
{
    return m_speed->currentData().toReal();
}

void RecordingPlayer::setSpeed(qreal speed)
{
    const int index = m_speed->findData(speed);
    if (index >= 0)
        m_speed->setCurrentIndex(index);
}

QString RecordingPlayer::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void RecordingPlayer::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void RecordingPlayer::onError(QMediaPlayer::Error error, const QString &detail)
{
    QString text;
    switch (error) {
    case QMediaPlayer::NoError:
        return;
    case QMediaPlayer::NetworkError:
        text = tr("The recording could not be reached: %1");
        break;
    case QMediaPlayer::AccessDeniedError:
        text = tr("The PBX refused access to the recording: %1");
        break;
    case QMediaPlayer::ResourceError: // the fetched file: what it holds is no sound we read
    case QMediaPlayer::FormatError:
        text = tr("The recording could not be played (not a sound file this computer can "
                  "decode): %1");
        break;
    }
    showMessage(text.arg(detail.isEmpty() ? m_url.toDisplayString() : detail), true);
    updatePlayButton();
}

void RecordingPlayer::onStatus(QMediaPlayer::MediaStatus status)
{
    if (status == QMediaPlayer::InvalidMedia && m_message->isHidden())
        showMessage(tr("The recording could not be played (not a sound file this computer can "
                       "decode): %1")
                        .arg(m_url.toDisplayString()),
            true);
    if (status == QMediaPlayer::EndOfMedia)
        m_position->setValue(m_position->maximum());
}

void RecordingPlayer::updateTime()
{
    const qint64 total = duration();
    const qint64 at = m_sliderHeld ? m_position->sliderPosition() : position();
    m_time->setText(total > 0 ? tr("%1 / %2").arg(clock(at), clock(total)) : clock(at));
}

void RecordingPlayer::updatePlayButton()
{
    const bool playing = isPlaying();
    m_play->setEnabled(!m_url.isEmpty() && !m_fetching);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setAccessibleName(playing ? tr("Pause the recording") : tr("Play the recording"));
    m_play->setToolTip(m_play->accessibleName());
}

void RecordingPlayer::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_message->setPalette(palette);
    m_message->show();
}

void RecordingPlayer::chooseDownloadFile()
{
    if (m_url.isEmpty())
        return;
    if (m_saveDialog) {
        m_saveDialog->raise();
        m_saveDialog->activateWindow();
        return;
    }
    QString name = m_url.fileName();
    if (name.isEmpty())
        name = tr("recording");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    m_saveDialog = new QFileDialog(this, tr("Save the recording"), QDir(folder).filePath(name));
    m_saveDialog->setAcceptMode(QFileDialog::AcceptSave);
    m_saveDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_saveDialog, &QFileDialog::fileSelected, this, &RecordingPlayer::downloadTo);
    m_saveDialog->open();
}

void RecordingPlayer::downloadTo(const QString &path)
{
    if (m_url.isEmpty() || path.isEmpty())
        return;
    if (m_downloading)
        m_downloading->abort();
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    auto *file = new QSaveFile(path, this);
    if (!file->open(QIODevice::WriteOnly)) {
        showMessage(tr("Could not save the recording to %1: %2")
                        .arg(QDir::toNativeSeparators(path), file->errorString()),
            true);
        delete file;
        emit downloadFinished(false);
        return;
    }
    QNetworkRequest request(m_url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(60000);
    QNetworkReply *reply = m_network->get(request);
    m_downloading = reply;
    showMessage(tr("Downloading the recording…"), false);
    connect(
        reply, &QNetworkReply::readyRead, file, [reply, file] { file->write(reply->readAll()); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, file, path] {
        reply->deleteLater();
        file->deleteLater();
        file->write(reply->readAll());
        const bool ok = reply->error() == QNetworkReply::NoError && file->commit();
        if (ok)
            showMessage(tr("Saved to %1").arg(QDir::toNativeSeparators(path)), false);
        else if (reply->error() != QNetworkReply::OperationCanceledError)
            showMessage(tr("Could not download the recording: %1")
                            .arg(reply->error() != QNetworkReply::NoError ? reply->errorString()
                                                                          : file->errorString()),
                true);
        emit downloadFinished(ok);
    });
}

} // namespace linecard::ui
