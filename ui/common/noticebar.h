#pragma once

#include <QFrame>

class QLabel;

namespace linecard::ui {

// A one-line message above a form or card: an error the operator must read, or a note
// ("this contact was merged into …"). Tinted over the window colour, so it reads in light
// and dark palettes alike.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind
    {
        Info,
        Error
    };

    explicit NoticeBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTint();

    QLabel *m_icon;
    QLabel *m_text;
    Kind m_kind = Kind::Info;
};

} // namespace linecard::ui
