#pragma once

#include "codehighlighter.h"

#include <KSyntaxHighlighting/Repository>

namespace linecard::ui {

// KDE Syntax-Highlighting in-process (KF6, where CMake finds it). Highlighting runs on the
// GUI thread, but the answer still comes through highlighted() like the tool's.
class Kf6CodeHighlighter : public CodeHighlighter
{
    Q_OBJECT
public:
    explicit Kf6CodeHighlighter(QObject *parent = nullptr);

    bool isAvailable() const override { return true; }
    QString unavailableReason() const override { return {}; }

protected:
    void start(
        const QString &key, const QString &definition, const QString &code, Theme theme) override;

private:
    KSyntaxHighlighting::Repository m_repository;
};

} // namespace linecard::ui
