#pragma once

#include <QMediaPlayer>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QAudioOutput;
class QComboBox;
class QFileDialog;
class QLabel;
class QNetworkAccessManager;
class QNetworkReply;
class QSlider;
class QTemporaryFile;
class QToolButton;

namespace linecard::ui {

// Plays a call's recording inside the client: play/pause, a position slider, the time and
// duration, speed 1×/1.5×/2×, and "Download". The recording is fetched from the PBX's http(s)
// URL only once the operator presses play (opening a card or selecting a call loads nothing),
// by the client's own asynchronous HTTP into a temporary file that Qt Multimedia plays: Qt
// 6.4's FFmpeg back end opens a URL on the calling thread, which would freeze the window
// while a slow PBX answers. What cannot be reached or decoded is said under the controls.
// Which calls have a recording the server decides (contacts never see the links).
class RecordingPlayer : public QWidget
{
    Q_OBJECT
public:
    explicit RecordingPlayer(QWidget *parent = nullptr);
    ~RecordingPlayer() override;

    // The recording to offer (an empty or non-http(s) URL offers none; hiding the player is
    // the caller's); stops what was playing. Nothing is fetched here.
    void setRecording(const QUrl &link);
    QUrl recording() const { return m_url; }

    void play();
    void pause();
    bool isPlaying() const;
    // Where the player is and how long the recording is, in milliseconds (0 before play).
    qint64 position() const;
    qint64 duration() const;
    // 1.0, 1.5 or 2.0.
    qreal speed() const;
    void setSpeed(qreal speed);
    // The line under the controls: an error, or where a download went; empty when none.
    QString message() const;
    // Saves the recording to a file (what "Download…" does once a file is chosen); the
    // outcome is in message() and downloadFinished.
    void downloadTo(const QString &path);

    // Qt Multimedia's back end for the client: FFmpeg (it decodes WAV and MP3 with what
    // libqt6multimedia6 depends on; Debian's GStreamer one needs plug-in packages), unless
    // QT_MEDIA_BACKEND says otherwise. Before the first player is made.
    static void chooseBackend();

    // For tests: the player once play was pressed (null before).
    QMediaPlayer *mediaPlayer() const { return m_player; }
    QToolButton *playButton() const { return m_play; }
    QSlider *positionSlider() const { return m_position; }
    QComboBox *speedBox() const { return m_speed; }
    QToolButton *downloadButton() const { return m_download; }
    QLabel *timeLabel() const { return m_time; }

signals:
    void downloadFinished(bool ok);

private:
    void ensurePlayer();
    void fetchAndPlay();
    void stopFetching();
    void togglePlay();
    void chooseDownloadFile();
    void onError(QMediaPlayer::Error error, const QString &detail);
    void onStatus(QMediaPlayer::MediaStatus status);
    void updateTime();
    void updatePlayButton();
    void showMessage(const QString &text, bool error);

    QUrl m_url;
    QToolButton *m_play;
    QSlider *m_position;
    QLabel *m_time;
    QComboBox *m_speed;
    QToolButton *m_download;
    QLabel *m_message;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_downloading;
    QPointer<QNetworkReply> m_fetching; // the recording being fetched to play
    QTemporaryFile *m_fetched = nullptr; // what play plays, once fetched
    QPointer<QFileDialog> m_saveDialog;
    bool m_sliderHeld = false;
};

} // namespace linecard::ui
