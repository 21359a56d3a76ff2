// Call recordings in the client (Qt Multimedia): the player itself against a local HTTP
// server serving a WAV this test writes, and the three places an operator reaches it — the
// Calls history, a task's thread and the contact card's activity — against the real server.
#include "callfixture.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "models/commentthreadmodel.h"
#include "ui/calls/callspanel.h"
#include "ui/common/recordingplayer.h"
#include "ui/contacts/activityfeedview.h"
#include "ui/shell/mainwindow.h"
#include "ui/tasks/commentlistview.h"
#include "ui/tasks/taskview.h"

#include <QApplication>
#include <QAudioDevice>
#include <QComboBox>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QListView>
#include <QMediaDevices>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSlider>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>
#include <QtEndian>

#include <cmath>

using namespace linecard;
using namespace linecard::testing;
using ui::RecordingPlayer;

// A WAV file: 16-bit mono PCM at 8 kHz, a 440 Hz tone of the given length.
static QByteArray toneWav(int milliseconds)
{
    const int rate = 8000;
    const int samples = rate * milliseconds / 1000;
    QByteArray pcm(samples * 2, Qt::Uninitialized);
    for (int i = 0; i < samples; ++i)
        qToLittleEndian(qint16(8000 * std::sin(2 * M_PI * 440 * i / rate)), pcm.data() + 2 * i);
    QByteArray wav;
    auto u32 = [&wav](quint32 v) {
        char b[4];
        qToLittleEndian(v, b);
        wav.append(b, 4);
    };
    auto u16 = [&wav](quint16 v) {
        char b[2];
        qToLittleEndian(v, b);
        wav.append(b, 2);
    };
    wav.append("RIFF");
    u32(36 + pcm.size());
    wav.append("WAVEfmt ");
    u32(16);
    u16(1); // PCM
    u16(1); // mono
    u32(rate);
    u32(rate * 2);
    u16(2);
    u16(16);
    wav.append("data");
    u32(pcm.size());
    return wav + pcm;
}

// The PBX's recording store: /rec.wav (3 s), /not-audio.wav (text), anything else 404; it
// counts what it was asked for.
class RecordingServer
{
public:
    RecordingServer()
        : m_wav(toneWav(3000))
    {
        m_http.route(QStringLiteral("/rec.wav"), [this] {
            ++m_requests;
            return QHttpServerResponse("audio/wav", m_wav);
        });
        m_http.route(QStringLiteral("/not-audio.wav"), [this] {
            ++m_requests;
            return QHttpServerResponse("audio/wav", QByteArray(4000, 'x'));
        });
        m_port = m_http.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    int requests() const { return m_requests; }
    QByteArray wav() const { return m_wav; }
    bool ok() const { return m_port != 0; }

private:
    QHttpServer m_http;
    QByteArray m_wav;
    quint16 m_port = 0;
    int m_requests = 0;
};

// The test session's sound card: a PulseAudio server of the test's own with a null sink
// (the offscreen and Xvfb sessions have none, and without an output Qt's player never moves
// its position). Samples go nowhere, but in real time, so playing takes as long as it does.
class NullSoundCard
{
public:
    ~NullSoundCard()
    {
        m_pulse.terminate();
        m_pulse.waitForFinished(5000);
    }
    bool start()
    {
        const QString socket = m_dir.filePath(QStringLiteral("pulse/native"));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.path()));
        qputenv("PULSE_SERVER", "unix:" + QFile::encodeName(socket));
        m_pulse.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_pulse.setStandardOutputFile(QProcess::nullDevice());
        m_pulse.start(QStringLiteral("pulseaudio"),
            {QStringLiteral("-n"), QStringLiteral("--daemonize=no"),
                QStringLiteral("--exit-idle-time=-1"), QStringLiteral("--use-pid-file=no"),
                QStringLiteral("--system=false"), QStringLiteral("--log-level=error"),
                QStringLiteral("-L"), QStringLiteral("module-null-sink sink_name=linecard_test"),
                QStringLiteral("-L"), QStringLiteral("module-native-protocol-unix")});
        return m_pulse.waitForStarted(5000)
            && QTest::qWaitFor([&] { return QFile::exists(socket); }, 10000);
    }

private:
    QTemporaryDir m_dir;
    QProcess m_pulse;
};

class TestRecordingPlayer : public QObject
{
    Q_OBJECT

    NullSoundCard m_soundCard;

    // An answered PlanFix call on "Sales" to op1 whose COMPLETED carries the recording link.
    static bool recordedCall(CallFixture &f, const QString &callId, const QUrl &recording)
    {
        return f.event(callId, QStringLiteral("INCOMING"), QStringLiteral("101")) == 200
            && f.event(callId, QStringLiteral("ACCEPTED"), QStringLiteral("101")) == 200
            && f.event(callId, QStringLiteral("COMPLETED"), QStringLiteral("101"),
                   {{QStringLiteral("status"), QStringLiteral("Success")},
                       {QStringLiteral("duration"), QStringLiteral("3")},
                       {QStringLiteral("is_recorded"), QStringLiteral("1")},
                       {QStringLiteral("record_link"), recording.toString()}})
            == 200;
    }
    // Plays and checks what a session without a sound card can prove: the recording was
    // fetched, read to its length, and the position moves (so the slider and the time do).
    static void checkPlays(RecordingPlayer &player, const RecordingServer &server)
    {
        QTRY_VERIFY_WITH_TIMEOUT(server.requests() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.duration() - 3000) <= 100, 10000);
        QCOMPARE(player.positionSlider()->maximum(), int(player.duration()));
        QVERIFY(player.positionSlider()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 200, 10000);
        QVERIFY(player.timeLabel()->text().endsWith(QLatin1String(" / 0:03")));
        QVERIFY(player.message().isEmpty());
    }

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY2(m_soundCard.start(), "pulseaudio (installer/setup.sh) plays the sound card");
        RecordingPlayer::chooseBackend(); // as the client's main() does
        QVERIFY(!QMediaDevices::audioOutputs().isEmpty());
    }

    // Nothing is fetched until Play; then the WAV is read to its length, the position moves,
    // pause holds it, the speed is the player's rate, and the slider seeks.
    void playsOnlyWhenAskedAndShowsWhereItIs()
    {
        RecordingServer pbx;
        QVERIFY(pbx.ok());
        RecordingPlayer player;
        player.resize(480, player.sizeHint().height());
        player.show();
        QVERIFY(!player.playButton()->isEnabled());
        player.setRecording(pbx.url(QStringLiteral("/rec.wav")));
        QVERIFY(player.playButton()->isEnabled());
        QTest::qWait(300);
        QCOMPARE(pbx.requests(), 0);
        QVERIFY(!player.mediaPlayer());
        QCOMPARE(player.timeLabel()->text(), QStringLiteral("0:00"));

        player.setSpeed(1.5);
        QTest::mouseClick(player.playButton(), Qt::LeftButton);
        checkPlays(player, pbx);
        QCOMPARE(player.mediaPlayer()->playbackRate(), 1.5);
        QCOMPARE(player.playButton()->accessibleName(), RecordingPlayer::tr("Pause the recording"));
        player.speedBox()->setCurrentIndex(player.speedBox()->findData(2.0));
        QCOMPARE(player.mediaPlayer()->playbackRate(), 2.0);
        QCOMPARE(player.speed(), 2.0);

        QTest::mouseClick(player.playButton(), Qt::LeftButton);
        QTRY_COMPARE(player.mediaPlayer()->playbackState(), QMediaPlayer::PausedState);
        QCOMPARE(player.playButton()->accessibleName(), RecordingPlayer::tr("Play the recording"));
        const qint64 held = player.position();
        QTest::qWait(400);
        QVERIFY(qAbs(player.position() - held) < 50);

        // The slider seeks (keyboard: End jumps near the end).
        player.positionSlider()->setFocus();
        player.positionSlider()->triggerAction(QAbstractSlider::SliderToMaximum);
        QTRY_VERIFY(player.position() > 2500);
        QVERIFY(player.grab().save(
            ClientFixture::screenshotPath(QStringLiteral("recordingplayer.png"))));

        // Another recording stops this one; still nothing fetched before its Play.
        const int before = pbx.requests();
        player.setRecording(pbx.url(QStringLiteral("/rec.wav?second")));
        QCOMPARE(player.mediaPlayer()->playbackState(), QMediaPlayer::StoppedState);
        QTest::qWait(200);
        QCOMPARE(pbx.requests(), before);
        // Not an http(s) link: nothing to play.
        player.setRecording(QUrl(QStringLiteral("file:///etc/passwd")));
        QVERIFY(!player.playButton()->isEnabled());
        QVERIFY(player.recording().isEmpty());
    }

    // What cannot be reached or decoded is said in words under the controls.
    void saysWhatWentWrong()
    {
        RecordingServer pbx;
        QVERIFY(pbx.ok());
        RecordingPlayer player;
        player.show();
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        player.setRecording(QUrl(QStringLiteral("http://127.0.0.1:%1/rec.wav").arg(deadPort)));
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(
            player.message().startsWith(QLatin1String("The recording could not be reached")),
            15000);
        QVERIFY(!player.isPlaying());

        player.setRecording(pbx.url(QStringLiteral("/not-audio.wav")));
        QVERIFY(player.message().isEmpty());
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(
            player.message().startsWith(QLatin1String("The recording could not be played")), 15000);
        QVERIFY(player.grab().save(
            ClientFixture::screenshotPath(QStringLiteral("recordingplayer-error.png"))));
    }

    // "Download…" saves the recording's bytes; a link that is gone says so.
    void downloadSavesTheFile()
    {
        RecordingServer pbx;
        QVERIFY(pbx.ok());
        QTemporaryDir dir;
        RecordingPlayer player;
        player.setRecording(pbx.url(QStringLiteral("/rec.wav")));
        QSignalSpy finished(&player, &RecordingPlayer::downloadFinished);
        const QString path = dir.filePath(QStringLiteral("call.wav"));
        player.downloadTo(path);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), pbx.wav());
        QVERIFY(player.message().contains(QStringLiteral("call.wav")));

        player.setRecording(pbx.url(QStringLiteral("/gone.wav")));
        const QString gone = dir.filePath(QStringLiteral("gone.wav"));
        player.downloadTo(gone);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY(!QFile::exists(gone));
        QVERIFY(player.message().startsWith(QLatin1String("Could not download the recording")));
    }

    // Calls › History: the selected call's recording is offered under the list, fetched only
    // on Play; a call without one shows no player.
    void callsHistoryPlaysTheRecording()
    {
        RecordingServer pbx;
        QVERIFY(pbx.ok());
        CallFixture f;
        QVERIFY(f.ready());
        auto window = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(window);
        window->showArea(ui::Place::Area::Calls);
        ui::CallsPanel *panel = window->callsPanel();
        QVERIFY(recordedCall(f, QStringLiteral("r1"), pbx.url(QStringLiteral("/rec.wav"))));
        QCOMPARE(
            f.event(QStringLiteral("r2"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QCOMPARE(f.completed(QStringLiteral("r2"), QStringLiteral("101"), QStringLiteral("Missed")),
            200);
        panel->tabs()->setCurrentIndex(ui::CallsPanel::HistoryTab);
        QTreeView *history = panel->historyList();
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(history) == 2; }, 15000));
        RecordingPlayer *player = panel->recordingPlayer();
        QVERIFY(!player->isVisible());
        // Newest first: the missed call without a recording, then the recorded one.
        selectRow(history, 0);
        QVERIFY(!player->isVisible());
        selectRow(history, 1);
        QVERIFY(player->isVisible());
        QCOMPARE(player->recording(), pbx.url(QStringLiteral("/rec.wav")));
        QTest::qWait(200);
        QCOMPARE(pbx.requests(), 0);
        QTest::mouseClick(player->playButton(), Qt::LeftButton);
        checkPlays(*player, pbx);
        QVERIFY(window->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callspanel-recording.png"))));
        // A call event rebuilds the lists: the recording plays on.
        QCOMPARE(
            f.event(QStringLiteral("r3"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(history) == 3; }, 15000));
        QVERIFY(player->isPlaying() || player->position() > 0);
        QCOMPARE(player->recording(), pbx.url(QStringLiteral("/rec.wav")));
    }

    // A task's thread: clicking the record's recording link plays it under the thread
    // instead of opening a browser; the contact card's activity offers it on a click.
    void threadAndActivityPlayTheRecording()
    {
        RecordingServer pbx;
        QVERIFY(pbx.ok());
        CallFixture f;
        QVERIFY(f.ready());
        QCOMPARE(f.server()
                     .patch(QStringLiteral("/api/v1/settings"),
                         {{QStringLiteral("callAttachTarget"), QStringLiteral("lastActiveTask")}},
                         f.adminToken())
                     .status,
            200);
        const qint64 anna = f.callerContact();
        const qint64 task = f.task(QStringLiteral("Delivery question"), anna);
        QVERIFY(anna && task);
        const QUrl recording = pbx.url(QStringLiteral("/rec.wav"));
        QVERIFY(recordedCall(f, QStringLiteral("t1"), recording));

        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        ui::TaskView view(session);
        view.resize(900, 700);
        view.show();
        view.showTask(task);
        ui::CommentListView *thread = view.threadView();
        QVERIFY(QTest::qWaitFor([&] { return thread->model()->rowCount() == 1; }, 15000));
        const QModelIndex record = thread->model()->index(0, 0);
        QVERIFY(record.data(CommentThreadModel::CallRecordRole).toBool());
        QTest::qWait(100); // laid out
        const QRect rect = thread->visualRect(record);
        QPoint link;
        for (int y = rect.top(); y < rect.bottom() && link.isNull(); y += 3)
            for (int x = rect.left(); x < rect.right() && link.isNull(); x += 3)
                if (QUrl(thread->anchorAt(QPoint(x, y))) == recording)
                    link = QPoint(x + 1, y + 1);
        QVERIFY2(!link.isNull(), "no recording link drawn in the record");
        QSignalSpy opened(thread, &ui::CommentListView::linkActivated);
        QVERIFY(!view.recordingPlayer()->isVisible());
        QTest::mouseClick(thread->viewport(), Qt::LeftButton, {}, link);
        QVERIFY(view.recordingPlayer()->isVisible());
        QCOMPARE(opened.size(), 0); // not handed to the browser
        QCOMPARE(view.recordingPlayer()->recording(), recording);
        checkPlays(*view.recordingPlayer(), pbx);
        QVERIFY(view.grab().save(
            ClientFixture::screenshotPath(QStringLiteral("taskview-recording.png"))));
        // Another task: its thread starts without the player.
        view.showTask(f.task(QStringLiteral("Other"), anna));
        QVERIFY(!view.recordingPlayer()->isVisible());

        const int fetched = pbx.requests();
        ui::ActivityFeedView activity(session);
        activity.resize(500, 600);
        activity.show();
        activity.setContact(anna);
        QListView *feed = activity.view();
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (int row = 0; row < feed->model()->rowCount(); ++row)
                    if (feed->model()
                            ->index(row, 0)
                            .data(CommentThreadModel::CallRecordRole)
                            .toBool())
                        return true;
                return false;
            },
            15000));
        int row = 0;
        while (!feed->model()->index(row, 0).data(CommentThreadModel::CallRecordRole).toBool())
            ++row;
        QVERIFY(!activity.recordingPlayer()->isVisible());
        const QRect item = feed->visualRect(feed->model()->index(row, 0));
        QTest::mouseClick(
            feed->viewport(), Qt::LeftButton, {}, QPoint(item.center().x(), item.bottom() - 4));
        QVERIFY(activity.recordingPlayer()->isVisible());
        QCOMPARE(activity.recordingPlayer()->recording(), recording);
        QTest::qWait(200);
        QCOMPARE(pbx.requests(), fetched); // offered, not fetched
        QTest::mouseClick(activity.recordingPlayer()->playButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pbx.requests() > fetched, 10000);
    }

    // The player in Russian: every control translated, nothing cut off at its natural width.
    void inRussian()
    {
        QTranslator russian;
        QVERIFY(russian.load(QStringLiteral("linecard_ru"), QStringLiteral(LINECARD_QM_DIR)));
        QCoreApplication::installTranslator(&russian);
        auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&russian); });
        RecordingServer pbx;
        RecordingPlayer player;
        player.setRecording(pbx.url(QStringLiteral("/rec.wav")));
        player.resize(player.sizeHint());
        player.show();
        QVERIFY(player.playButton()->text() != QLatin1String("Play"));
        QVERIFY(player.downloadButton()->text() != QLatin1String("Download…"));
        QVERIFY(player.downloadButton()->width()
            >= player.downloadButton()->fontMetrics().horizontalAdvance(
                player.downloadButton()->text()));
        QVERIFY(player.grab().save(
            ClientFixture::screenshotPath(QStringLiteral("recordingplayer-ru.png"))));
    }
};

QTEST_MAIN(TestRecordingPlayer)
#include "tst_recordingplayer.moc"
