#!/usr/bin/env bash
# Install, upgrade and uninstall the real bundle with installer.nsi under Wine, and fail when
# any of the installer's promises does not hold. Run by .ci/run after the bundle is built.
#
#     bash tools/test_installer_wine.sh [installer.nsi]     # KEEP=1 keeps the Wine folder
#
# Needs dist/cchc-desktop/ (python tools/build_installer.py --bundle-only) and Debian's nsis,
# wine, wine64 and xvfb (installed with apt-get when missing). wine64 cannot start NSIS's
# 32-bit stub, so the script is compiled here with "-XTarget amd64-unicode" (the shipped one
# stays 32-bit; see the README), and without compression, which is not under test. The
# bundle is the Linux one: its files are what the installer's logic is proved on; a Windows
# app cannot be built or started here.
#
# Three scenarios in one fresh Wine prefix (Windows 10, a virtual X display), each installing
# an older version (0.0.1: the bundle plus one file the newer one no longer has), upgrading
# it to this version and removing it. Pages are clicked through by a small NSIS program (the
# "driver", below) that writes down what each page shows. Wine runs every program elevated;
# a build with -DTEST_UNELEVATED pretends it does not, to see the installer ask for rights.
# Prints one line per check and, last, "wine: N passed, N failed"; exits 1 on any failure.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
NSI=$(realpath "${1:-$ROOT/installer.nsi}")
BUNDLE=$ROOT/dist/cchc-desktop
OLD_VERSION=0.0.1
LNK="Kế hoạch tuyên truyền CCHC.lnk"
START=$(date +%s%N)

seconds() { local ms=$((($(date +%s%N) - START) / 1000000)); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }
step() { printf '\n== %s  (at %s s)\n' "$1" "$(seconds)"; }
die() { echo "test_installer_wine: $*" >&2; exit 1; }

[ -x "$BUNDLE/cchc-desktop" ] || die "no bundle in $BUNDLE: python tools/build_installer.py --bundle-only"

# --- Tools -----------------------------------------------------------------------------------
# Without Recommends (with them, about 900 MB; without, about 700 MB installed); the X libraries
# that Wine's display driver loads at run time are named instead.
missing=()
for p in nsis wine wine64 xvfb libxrender1 libxi6 libxrandr2 libxcursor1 libxinerama1 \
  libxcomposite1 libxfixes3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/dev/null ||
    die "could not install ${missing[*]}"
fi

WORK=$(mktemp -d /tmp/cchc-wine.XXXXXX)
XVFB=""
cleanup() {
  [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ] && wineserver -k 2>/dev/null
  [ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- Checks ----------------------------------------------------------------------------------
passed=0
failed=0
# check "what must hold" command...: one line, ok or FAIL (with what the command printed).
check() {
  local what=$1 out
  shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1))
    echo "ok    $what"
  else
    failed=$((failed + 1))
    echo "FAIL  $what"
    [ -n "$out" ] && printf '%s\n' "$out" | head -n 12 | sed 's/^/        /'
  fi
}
is_file() { [ -f "$1" ] || { echo "missing: ${1#"$WINEPREFIX"/}"; return 1; }; }
no_file() { [ ! -e "$1" ] || { echo "still there: ${1#"$WINEPREFIX"/}"; return 1; }; }
equals() { [ "$1" = "$2" ] || { echo "got '$1', expected '$2'"; return 1; }; }
not_equals() { [ "$1" != "$2" ] || { echo "got '$1'"; return 1; }; }
lacks() { ! grep -F -- "$2" "$1"; }

# installed FOLDER BUNDLE [extra...]: FOLDER holds exactly BUNDLE's files, byte for byte (its
# symlinks as files), plus uninstall.exe and the extra files named.
installed() {
  local folder=$1 bundle=$2 extra
  shift 2
  [ -d "$folder" ] || { echo "no folder ${folder#"$WINEPREFIX"/}"; return 1; }
  is_file "$folder/uninstall.exe" || return 1
  extra=$(printf '%s\n' uninstall.exe "$@" | sort)
  diff <(cd "$bundle" && find -L . -type f | sort) \
       <(cd "$folder" && find . -type f | sort | grep -vxF -f <(printf './%s\n' $extra)) || return 1
  diff -rq "$bundle" "$folder" | grep -v "^Only in $folder" && return 1
  return 0
}

# leftovers FOLDER [file...]: FOLDER holds the files named and nothing else (no file, no
# empty folder): an uninstaller removed everything it installed. No file named: FOLDER is gone.
leftovers() {
  local folder=$1
  shift
  if [ "$#" -eq 0 ]; then no_file "$folder"; return; fi
  diff <(printf '%s\n' "$@" | sort) <(cd "$folder" && find . -type f -printf '%P\n' | sort) || return 1
  local empty
  empty=$(find "$folder" -mindepth 1 -type d -empty)
  [ -z "$empty" ] || { echo "empty folders left: $empty"; return 1; }
}

# reg user|machine NAME: a value of the app's entry in Settings → Apps (HKCU or HKLM, 64-bit
# view), read from the prefix's registry files (Wine writes them when its server stops).
reg() {
  local file=user.reg
  [ "$1" = machine ] && file=system.reg
  python3 - "$WINEPREFIX/$file" "$2" <<'PY'
import re, sys
path, name = sys.argv[1:]
key = "[Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Uninstall\\\\cchc-desktop]"
lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
inside = False
for line in lines:
    if line.startswith("["):
        inside = line.split("] ")[0] + "]" == key
    elif inside and line.startswith(f'"{name}"="'):
        raw = line[len(name) + 4 : -1]
        print(re.sub(r'\\(x[0-9a-fA-F]{1,4}|.)',
                     lambda m: chr(int(m[1][1:], 16)) if m[1][0] == "x" and len(m[1]) > 1 else m[1], raw))
        sys.exit(0)
sys.exit(1)
PY
}
no_entry() { ! reg "$1" DisplayName >/dev/null || { echo "the $1 entry is still there"; return 1; }; }

winpath() { local p=${1//\//\\}; echo "Z:$p"; }

# wine_run COMMAND...: a Windows program, then wait until Wine has nothing left running (the
# uninstaller's copy in %TEMP%, an elevated copy); the program's exit code.
wine_run() {
  local rc
  timeout 180 wine "$@"
  rc=$?
  wineserver -w
  return "$rc"
}

# with_pages LOG COMMAND...: run an installer or uninstaller with its pages, while the driver
# clicks through them and writes what they showed to LOG (UTF-8); Wine's traces of
# ShellExecute (where "runas" shows) go to LOG.trace. The command's exit code.
with_pages() {
  local log=$1 rc
  shift
  wine "$WORK/tools/driver.exe" "$(winpath "$log.utf16")" &
  local driver=$!
  WINEDEBUG=-all,+exec timeout 180 wine "$@" 2>"$log.trace"
  rc=$?
  wait "$driver"
  wineserver -w
  iconv -f UTF-16LE -t UTF-8 "$log.utf16" >"$log" 2>/dev/null
  sed 's/^/        | /' "$log" | grep -v '| *\(Static\|Button\|#32770\) visible=0' >"$log.shown"
  return "$rc"
}
# The shown pages as one line, for phrases that wrap.
flat() { tr -s '\r\n' '  ' <"$1"; }
says() { flat "$1" | grep -qF -- "$2" || { echo "not shown: $2"; cat "$1.shown"; return 1; }; }
asked_for_admin() { grep -q 'verb=L"runas"' "$1.trace" || { echo "no runas request"; return 1; }; }
no_admin_asked() { ! grep 'verb=L"runas"' "$1.trace"; }
# The finish page's one checkbox, "Chạy Kế hoạch tuyên truyền CCHC" (NSIS's Vietnamese "Run" is
# written with combining marks, so only the app's name is matched).
run_box_shown() { grep -q "^  checkbox visible=1 .*| .*${LNK%.lnk}" "$1" || { echo "no Run box"; cat "$1.shown"; return 1; }; }
no_run_box() { ! grep "^  checkbox visible=1 .*| .*${LNK%.lnk}" "$1"; }

# --- Build -----------------------------------------------------------------------------------
step "build: two versions of the installer, amd64, around the bundle ($NSI)"
VERSION=$(cd "$ROOT" && python3 -c 'import sys; sys.path.insert(0, "tools"); import build_installer; print(build_installer.version())') ||
  die "cannot read the version"
[ "$VERSION" != "$OLD_VERSION" ] || die "this version is $OLD_VERSION, the test's older one"
mkdir -p "$WORK/build" "$WORK/tools"
OLD_BUNDLE=$WORK/build/old/cchc-desktop
mkdir -p "$(dirname "$OLD_BUNDLE")"
cp -a "$BUNDLE" "$OLD_BUNDLE"
echo "only in $OLD_VERSION" >"$OLD_BUNDLE/_internal/bo-cu.txt"
python3 "$ROOT/tools/uninstall_list.py" "$BUNDLE" "$WORK/build/new.nsh" >/dev/null &&
  python3 "$ROOT/tools/uninstall_list.py" "$OLD_BUNDLE" "$WORK/build/old.nsh" >/dev/null ||
  die "uninstall lists"
compile() {  # compile OUT VERSION BUNDLE LIST [more makensis options]
  local out=$1 version=$2 bundle=$3 list=$4
  shift 4
  (cd "$ROOT" && makensis -V1 -NOCD "-XTarget amd64-unicode" "-XSetCompressor /FINAL zlib" "-XSetCompress off" \
    "-DVERSION=$version" "-DDIST=$bundle" "-DOUTFILE=$out" "-DUNINSTALL_LIST=$list" \
    "-DEXE=cchc-desktop" "$@" "$NSI") >"$out.log" 2>&1 || { cat "$out.log"; return 1; }
}
compile "$WORK/build/old.exe" "$OLD_VERSION" "$OLD_BUNDLE" "$WORK/build/old.nsh" & p1=$!
compile "$WORK/build/new.exe" "$VERSION" "$BUNDLE" "$WORK/build/new.nsh" & p2=$!
compile "$WORK/build/new-unelevated.exe" "$VERSION" "$BUNDLE" "$WORK/build/new.nsh" -DTEST_UNELEVATED & p3=$!
wait $p1 && wait $p2 && wait $p3 || die "makensis failed"

# Three small Windows programs for the test, compiled the same way.
cat >"$WORK/tools/fail.nsi" <<'EOF'
; An uninstaller that fails: exits with 3 and does nothing.
Unicode true
OutFile fail.exe
RequestExecutionLevel user
SilentInstall silent
Section
  SetErrorLevel 3
SectionEnd
EOF
cat >"$WORK/tools/busy.nsi" <<'EOF'
; Stands in for the running app (its .exe is then open, as Windows keeps a running program's
; file): writes C:\busy-started, then runs while C:\busy exists, 60 s at most.
Unicode true
OutFile busy.exe
RequestExecutionLevel user
SilentInstall silent
!include LogicLib.nsh
Section
  FileOpen $1 "C:\busy-started" w
  FileClose $1
  StrCpy $0 0
  ${DoWhile} ${FileExists} "C:\busy"
    Sleep 100
    IntOp $0 $0 + 1
    ${If} $0 > 600
      ${Break}
    ${EndIf}
  ${Loop}
SectionEnd
EOF
cat >"$WORK/tools/driver.nsi" <<'EOF'
; driver.exe LOG: waits for an NSIS window (30 s at most), then on each new page writes the
; window's and the page's controls to LOG (UTF-16: kind, visible, checked, text), unticks a
; ticked checkbox (so that "Run" never starts the Linux program) and clicks the default button
; (Next, Install, Uninstall, Finish); the progress page, which moves on by itself, is not
; clicked. Message boxes are written down and closed. Ends when no
; NSIS window is left for 3 s.
Unicode true
OutFile driver.exe
RequestExecutionLevel user
SilentInstall silent
!include LogicLib.nsh
!include FileFunc.nsh
!include WinMessages.nsh
Var Log
Var Page

!macro DUMP parent
  StrCpy $R1 0
  ${Do}
    FindWindow $R1 "" "" ${parent} $R1
    ${If} $R1 == 0
      ${Break}
    ${EndIf}
    System::Call 'user32::GetClassNameW(p R1, w .R2, i 256)'
    System::Call 'user32::GetWindowTextW(p R1, w .R3, i ${NSIS_MAX_STRLEN})'
    System::Call 'user32::IsWindowVisible(p R1) i .R4'
    System::Call 'user32::GetWindowLongW(p R1, i -16) i .R6'
    IntOp $R6 $R6 & 0xF
    SendMessage $R1 ${BM_GETCHECK} 0 0 $R5
    ${If} $R2 == "Button"
      ${If} $R6 == 3
        StrCpy $R2 "checkbox"
      ${ElseIf} $R6 == 9
        StrCpy $R2 "radio"
      ${EndIf}
    ${EndIf}
    FileWriteUTF16LE $Log "  $R2 visible=$R4 checked=$R5 | $R3$\r$\n"
    ${If} $R2 == "checkbox"
    ${AndIf} $R5 == 1
      SendMessage $R1 ${BM_SETCHECK} 0 0
    ${EndIf}
  ${Loop}
!macroend

; The page the NSIS window $0 shows (its visible inner dialog), or 0, on the stack.
Function ShownPage
  StrCpy $6 0
  ${Do}
    FindWindow $6 "#32770" "" $0 $6
    ${If} $6 == 0
      ${Break}
    ${EndIf}
    System::Call 'user32::IsWindowVisible(p r6) i .r7'
    ${If} $7 == 1
      ${Break}
    ${EndIf}
  ${Loop}
  Push $6
FunctionEnd

Section
  ${GetParameters} $R0
  FileOpen $Log $R0 w
  StrCpy $R8 0 ; tenths of a second
  StrCpy $R7 0 ; tenths without a window, once one was seen
  StrCpy $R9 0 ; 1 once a window was seen
  ${Do}
    Sleep 100
    IntOp $R8 $R8 + 1
    ${If} $R8 > 1500
    ${OrIf} $R9 == 0
    ${AndIf} $R8 > 300
      FileWriteUTF16LE $Log "driver: timeout$\r$\n"
      ${Break}
    ${EndIf}
    FindWindow $0 "#32770"
    ${If} $0 == 0
      ${If} $R9 == 1
        IntOp $R7 $R7 + 1
        ${If} $R7 > 30
          ${Break}
        ${EndIf}
      ${EndIf}
      ${Continue}
    ${EndIf}
    StrCpy $R9 1
    StrCpy $R7 0
    GetDlgItem $3 $0 1018
    ${If} $3 == 0
      ; No page area: a message box (its text has the id 0xFFFF), or a wizard still being
      ; made. Look again before closing it.
      Sleep 500
      GetDlgItem $3 $0 1018
      GetDlgItem $4 $0 0xFFFF
      System::Call 'user32::IsWindow(p r0) i .r5'
      ${If} $3 != 0
      ${OrIf} $4 == 0
      ${OrIf} $5 == 0
        ${Continue}
      ${EndIf}
      System::Call 'user32::GetWindowTextW(p r0, w .R3, i ${NSIS_MAX_STRLEN})'
      FileWriteUTF16LE $Log "message box: $R3$\r$\n"
      !insertmacro DUMP $0
      SendMessage $0 ${WM_CLOSE} 0 0
      Sleep 300
      ${Continue}
    ${EndIf}
    Call ShownPage
    Pop $1
    ${If} $1 == 0
    ${OrIf} $1 == $Page
      ${Continue}
    ${EndIf}
    ; A new page: let it settle, and look again.
    Sleep 500
    Call ShownPage
    Pop $4
    ${If} $4 != $1
      ${Continue}
    ${EndIf}
    ; The progress page moves on by itself: written down, never clicked.
    FindWindow $5 "msctls_progress32" "" $1
    GetDlgItem $2 $0 1
    System::Call 'user32::IsWindowEnabled(p r2) i .r3'
    ${If} $5 == 0
    ${AndIf} $3 == 0
      ${Continue}
    ${EndIf}
    StrCpy $Page $1
    System::Call 'user32::GetWindowTextW(p r0, w .R3, i ${NSIS_MAX_STRLEN})'
    FileWriteUTF16LE $Log "page: $R3$\r$\n"
    !insertmacro DUMP $0
    !insertmacro DUMP $1
    ${If} $5 == 0
      SendMessage $0 ${WM_COMMAND} 1 $2
    ${EndIf}
  ${Loop}
  FileClose $Log
SectionEnd
EOF
for tool in fail busy driver; do
  (cd "$WORK/tools" && makensis -V1 "-XTarget amd64-unicode" "$tool.nsi") >/dev/null || die "makensis $tool.nsi"
done
ls -l "$WORK"/build/*.exe | awk '{printf "%s %.1f MB\n", $NF, $5 / 1e6}'

# --- A Windows 10 prefix ---------------------------------------------------------------------
step "Wine: a fresh Windows 10 prefix on a virtual display"
Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp 3>"$WORK/display" >/dev/null 2>&1 &
XVFB=$!
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || die "Xvfb did not start"
export DISPLAY=":$(cat "$WORK/display")"
export WINEPREFIX=$WORK/prefix WINEDEBUG=-all WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d"
export HOME=$WORK/home WINEARCH=win64
mkdir -p "$HOME"
wineboot -i >/dev/null 2>&1
wineserver -w
wine winecfg /v win10 >/dev/null 2>&1
wineserver -w
wine --version
WINUSER=$(ls "$WINEPREFIX/drive_c/users" | grep -vx Public | head -n 1)
U=$WINEPREFIX/drive_c/users/$WINUSER
# Wine links Desktop, Documents, ... to $HOME: make them real folders, as on Windows.
for link in "$U"/*; do
  if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
done
C=$WINEPREFIX/drive_c
PER_USER=$U/AppData/Local/Programs/cchc-desktop
ALL_USERS="$C/Program Files/cchc-desktop"
ELSEWHERE=$C/Apps/cchc
DATA=$U/AppData/Roaming/CCHC/cchc-desktop
USER_LINKS=("$U/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/$LNK" "$U/Desktop/$LNK")
ALL_LINKS=("$C/ProgramData/Microsoft/Windows/Start Menu/Programs/$LNK" "$C/users/Public/Desktop/$LNK")
WIN_PER_USER="C:\\users\\$WINUSER\\AppData\\Local\\Programs\\cchc-desktop"
WIN_DATA="C:\\users\\$WINUSER\\AppData\\Roaming\\CCHC\\cchc-desktop"
OLD=$WORK/build/old.exe
NEW=$WORK/build/new.exe
NEW_UNELEVATED=$WORK/build/new-unelevated.exe
LOGS=$WORK/logs
mkdir -p "$LOGS"
links() { local l; for l in "$@"; do is_file "$l" || return 1; done; }
no_links() { local l; for l in "$@"; do no_file "$l" || return 1; done; }

# --- 1. For the current user: install, upgrade with its pages, refuse while running, remove --
step "1. per user: install $OLD_VERSION, upgrade to $VERSION (pages), app running, uninstall (pages)"
wine_run "$OLD" /S
check "an install for the current user (/S) exits 0" equals "$?" 0
check "every file of the bundle is installed in %LOCALAPPDATA%\\Programs\\cchc-desktop" installed "$PER_USER" "$OLD_BUNDLE"
check "Start-menu and desktop shortcuts, for this user" links "${USER_LINKS[@]}"
check "HKCU entry: InstallLocation" equals "$(reg user InstallLocation)" "$WIN_PER_USER"
check "HKCU entry: DisplayVersion $OLD_VERSION" equals "$(reg user DisplayVersion)" "$OLD_VERSION"
check "no HKLM entry (nothing for all users)" no_entry machine
# The user's data, and a file the user put in the program folder.
mkdir -p "$DATA/van-ban" "$PER_USER/_internal/resources"
echo data >"$DATA/cchc.sqlite"
echo doc >"$DATA/van-ban/ke-hoach.docx"
echo note >"$PER_USER/ghi-chu.txt"
echo own >"$PER_USER/_internal/resources/mau-rieng.json"

with_pages "$LOGS/1-upgrade" "$NEW"
check "an upgrade through its pages exits 0" equals "$?" 0
check "its welcome page says which version, where, is upgraded" \
  says "$LOGS/1-upgrade" "nâng cấp Kế hoạch tuyên truyền CCHC phiên bản $OLD_VERSION, đang cài cho tài khoản của bạn trong $WIN_PER_USER lên phiên bản $VERSION"
check "it does not ask for whom (the install's users stay)" lacks "$LOGS/1-upgrade" "Cài cho ai?"
check "elevated (Wine always is), its finish page offers no Run (never start the app elevated)" \
  no_run_box "$LOGS/1-upgrade"
check "every file of the new bundle is installed in place, the old version's own file is gone" \
  installed "$PER_USER" "$BUNDLE" ghi-chu.txt _internal/resources/mau-rieng.json
check "HKCU entry: DisplayVersion $VERSION, same InstallLocation" \
  equals "$(reg user DisplayVersion) $(reg user InstallLocation)" "$VERSION $WIN_PER_USER"
check "the upgrade kept the user's data" is_file "$DATA/van-ban/ke-hoach.docx"
check "the upgrade kept the user's own files in the program folder" is_file "$PER_USER/_internal/resources/mau-rieng.json"

touch "$C/busy"
cp "$WORK/tools/busy.exe" "$PER_USER/cchc-desktop"
wine "$PER_USER/cchc-desktop" &
busy=$!
for _ in $(seq 200); do [ -e "$C/busy-started" ] && break; sleep 0.1; done
check "(a stand-in for the app runs as cchc-desktop)" is_file "$C/busy-started"
before=$(cd "$PER_USER" && find . -printf '%P %s %T@\n' | sort | md5sum)
timeout 120 wine "$NEW" /S
rc=$?
check "with the app running, a silent install fails" not_equals "$rc" 0
check "... and changes no file" equals "$(cd "$PER_USER" && find . -printf '%P %s %T@\n' | sort | md5sum)" "$before"
rm -f "$C/busy"
wait "$busy"
wineserver -w
cp "$BUNDLE/cchc-desktop" "$PER_USER/cchc-desktop"

uninstall=$(reg user UninstallString)
with_pages "$LOGS/1-uninstall" "${uninstall//\"/}"
check "the uninstaller (Settings' UninstallString, with its pages) exits 0" equals "$?" 0
check "its finish page says the data is kept, and where" \
  says "$LOGS/1-uninstall" "được giữ nguyên trong $WIN_DATA"
check "everything it installed is removed; the user's own files stay" \
  leftovers "$PER_USER" ghi-chu.txt _internal/resources/mau-rieng.json
check "the HKCU entry is gone" no_entry user
check "the shortcuts are gone" no_links "${USER_LINKS[@]}"
check "the user's data is kept" is_file "$DATA/cchc.sqlite"

# --- 2. Installed elsewhere (/D=): a failing old uninstaller, upgrade in place, a stray copy ---
step "2. /D=C:\\Apps\\cchc: old uninstaller fails, upgrade in place (pages, not elevated), stray uninstaller, uninstall"
rm -rf "$PER_USER"
wine_run "$OLD" /S '/D=C:\Apps\cchc'
check "an install into C:\\Apps\\cchc (/D=) exits 0" equals "$?" 0
check "every file of the bundle is there" installed "$ELSEWHERE" "$OLD_BUNDLE"
check "HKCU entry: InstallLocation C:\\Apps\\cchc" equals "$(reg user InstallLocation)" 'C:\Apps\cchc'

mv "$ELSEWHERE/uninstall.exe" "$WORK/uninstall.exe.kept"
cp "$WORK/tools/fail.exe" "$ELSEWHERE/uninstall.exe"
wine_run "$NEW" /S
rc=$?
check "when the old version's uninstaller fails, the upgrade fails" not_equals "$rc" 0
check "... and installs nothing (still $OLD_VERSION, nothing in the default folder)" \
  equals "$(reg user DisplayVersion) $([ -e "$PER_USER" ] && echo copied)" "$OLD_VERSION "
mv -f "$WORK/uninstall.exe.kept" "$ELSEWHERE/uninstall.exe"

with_pages "$LOGS/2-upgrade" "$NEW_UNELEVATED"
check "a plain run, not elevated, upgrades it through its pages (exit 0)" equals "$?" 0
check "... without asking for administrator rights" no_admin_asked "$LOGS/2-upgrade"
check "its welcome page names C:\\Apps\\cchc" says "$LOGS/2-upgrade" "đang cài cho tài khoản của bạn trong C:\\Apps\\cchc lên phiên bản $VERSION"
check "not elevated, its finish page offers Run" run_box_shown "$LOGS/2-upgrade"
check "the upgrade went where the app was: one copy, in C:\\Apps\\cchc" installed "$ELSEWHERE" "$BUNDLE"
check "... none in the default folder" no_file "$PER_USER"
check "HKCU entry: C:\\Apps\\cchc, $VERSION" equals "$(reg user InstallLocation) $(reg user DisplayVersion)" "C:\\Apps\\cchc $VERSION"

mkdir -p "$C/Stray"
cp "$ELSEWHERE/uninstall.exe" "$C/Stray/uninstall.exe"
wine_run "$C/Stray/uninstall.exe" /S
check "an uninstaller in another folder leaves the install's entry alone" equals "$(reg user InstallLocation)" 'C:\Apps\cchc'
check "... and its shortcuts" links "${USER_LINKS[@]}"

wine_run "$ELSEWHERE/uninstall.exe" /S
check "uninstall (/S) exits 0" equals "$?" 0
check "C:\\Apps\\cchc is removed" leftovers "$ELSEWHERE"
check "the entry and the shortcuts are gone" no_entry user
check "... the shortcuts too" no_links "${USER_LINKS[@]}"

# --- 3. For all users: a plain run upgrades it; not elevated, it asks for the rights ---------
step "3. all users: install, plain upgrade, upgrade and removal asking for administrator rights"
wine_run "$OLD" /ALLUSERS /S
check "an install for all users (/ALLUSERS /S) exits 0" equals "$?" 0
check "every file of the bundle is in Program Files" installed "$ALL_USERS" "$OLD_BUNDLE"
check "HKLM entry (64-bit view), $OLD_VERSION" equals "$(reg machine DisplayVersion)" "$OLD_VERSION"
check "shortcuts for all users" links "${ALL_LINKS[@]}"

wine_run "$NEW" /S
check "a plain silent run exits 0" equals "$?" 0
check "... and upgrades the all-users install: HKLM entry $VERSION" equals "$(reg machine DisplayVersion)" "$VERSION"
check "... in Program Files" installed "$ALL_USERS" "$BUNDLE"
check "... with no per-user copy, entry or shortcuts beside it" \
  equals "$([ -e "$PER_USER" ] && echo copy)$(reg user DisplayName)$(ls "${USER_LINKS[@]}" 2>/dev/null)" ""
check "... and its shortcuts for all users" links "${ALL_LINKS[@]}"

rm "$ALL_USERS/_internal/resources/templates/hai-phong-2025.json"  # to see it reinstalled
with_pages "$LOGS/3-upgrade" "$NEW_UNELEVATED"
check "not elevated, a plain run asks for administrator rights (runas)" asked_for_admin "$LOGS/3-upgrade"
check "... exits 0 and has reinstalled every file" installed "$ALL_USERS" "$BUNDLE"
check "its welcome page says the all-users install is upgraded" \
  says "$LOGS/3-upgrade" "đang cài cho mọi người dùng máy này trong C:\\Program Files\\cchc-desktop lên phiên bản $VERSION"
check "it does not ask for whom" lacks "$LOGS/3-upgrade" "Cài cho ai?"
check "elevated, its finish page offers no Run" no_run_box "$LOGS/3-upgrade"
check "still one install, for all users" equals "$(reg user DisplayName)$(reg machine InstallLocation)" 'C:\Program Files\cchc-desktop'

uninstall=$(reg machine UninstallString)
with_pages "$LOGS/3-uninstall" "${uninstall//\"/}"
check "removing it from Settings, not elevated, asks for administrator rights (runas)" asked_for_admin "$LOGS/3-uninstall"
check "... and removes it: Program Files folder gone" leftovers "$ALL_USERS"
check "... HKLM entry gone" no_entry machine
check "... shortcuts for all users gone" no_links "${ALL_LINKS[@]}"
check "its finish page says this user's data is kept" says "$LOGS/3-uninstall" "được giữ nguyên trong $WIN_DATA"
check "the user's data is kept" is_file "$DATA/van-ban/ke-hoach.docx"

step "done in $(seconds) s"
echo "wine: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
