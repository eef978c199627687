; The Windows installer of cchc-desktop (NSIS 3, Unicode; this file is UTF-8 with a BOM).
;
; tools/build_installer.py builds the PyInstaller folder and the uninstall list, then runs:
;   makensis /DVERSION=0.1.0 [/DDIST=dist\cchc-desktop] [/DOUTFILE=...] installer.nsi
; (on Linux, -DVERSION=... and so on). The version comes from pyproject.toml through the build
; script; there is no default, so an installer never carries a wrong one.
;
; What it does: installs for the current user, without administrator rights, into
; %LOCALAPPDATA%\Programs\cchc-desktop; run as administrator, it offers an install for all
; users in Program Files (or takes /ALLUSERS on the command line). Start-menu and desktop
; shortcuts, an entry in "Apps & features". The uninstaller removes exactly the files this
; installer copied (build\uninstall_list.nsh, made from the bundle) and NEVER the user's
; data: %APPDATA%\CCHC\cchc-desktop (database, backups, log) and anything else the user saved.
; Pages in Vietnamese; /EN on the command line shows them in English. /S installs silently.
;
; Upgrades: the installer finds the installed copy in the registry (HKCU: the user's own;
; HKLM: one for all users) and upgrades that copy, in its folder and for its users, once the
; previous version's own uninstaller has removed its files; it stops if that uninstaller
; fails. /D=folder moves the install there. Work that needs administrator rights (installing,
; upgrading or removing an all-users install) started without them asks Windows for them
; ("runas") and waits for the elevated copy. An elevated copy never starts the app.
;
; The installer ships with NSIS's 32-bit stub (see the README); tools/test_installer_wine.sh
; compiles this same script for amd64 to run it under 64-bit Wine. So that both behave alike,
; the registry is always used through its 64-bit view (SetRegView 64, never "default") and
; Program Files is $PROGRAMFILES64.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 64

; ---------------------------------------------------------------------------------------------
; Build parameters

!ifndef VERSION
  !error "VERSION is not defined. Build with: python tools/build_installer.py (it reads pyproject.toml), or pass /DVERSION=x.y.z to makensis."
!endif
!define /ifndef DIST "dist\cchc-desktop"
!define /ifndef OUTFILE "dist\cchc-desktop-${VERSION}-setup.exe"
!define /ifndef UNINSTALL_LIST "build\uninstall_list.nsh"
!define /ifndef EXE "cchc-desktop.exe"
!if ! /FileExists "${DIST}\${EXE}"
  !error "${DIST}\${EXE} not found: build the bundle first (python tools/build_installer.py), or pass /DDIST=folder."
!endif
!if ! /FileExists "${UNINSTALL_LIST}"
  !error "${UNINSTALL_LIST} not found: python tools/uninstall_list.py ${DIST} ${UNINSTALL_LIST}"
!endif

!define APP_ID "cchc-desktop"
!define APP_NAME "Kế hoạch tuyên truyền CCHC"
!define PUBLISHER "CCHC"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define UNINSTALLER "uninstall.exe"
!define ICON "resources\icons\app.ico"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

!ifdef VERSION_NUMERIC
  VIProductVersion "${VERSION_NUMERIC}"
  VIFileVersion "${VERSION_NUMERIC}"
  VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
  VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APP_NAME}"
  VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
  VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"
!endif

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WinVer.nsh
!include x64.nsh
!include nsDialogs.nsh

Var Mode        ; "user" or "all"
Var IsAdmin     ; 1 when this process runs elevated
Var DirGiven    ; 1 when /D= chose the folder
Var OldDir      ; where the install being upgraded is ("" for a first install)
Var OldVersion  ; and its version
Var Previous    ; the folder RemovePrevious works on
Var ExitCode    ; what the previous version's uninstaller returned
Var WelcomeText
Var DataDir     ; the user's data folder, named when the uninstaller is done
Var UserRadio
Var AllRadio

; ---------------------------------------------------------------------------------------------
; Pages

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_PAGE_CUSTOMFUNCTION_PRE WelcomePre
!define MUI_WELCOMEPAGE_TEXT "$WelcomeText"
!insertmacro MUI_PAGE_WELCOME
Page custom ModePage ModePageLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_PAGE_CUSTOMFUNCTION_SHOW FinishShow
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$(UN_FINISH_TEXT)"
!insertmacro MUI_UNPAGE_FINISH

; The first language is the default; .onInit picks Vietnamese unless /EN is given.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

; ---------------------------------------------------------------------------------------------
; Strings (Vietnamese, then English)

LangString WELCOME_TEXT ${LANG_VIETNAMESE} "Chương trình sẽ cài $(^NameDA) phiên bản ${VERSION} vào máy này, cho riêng tài khoản của bạn, không cần quyền quản trị.$\r$\n$\r$\nDữ liệu của bạn (kế hoạch, bản sao lưu, văn bản đã xuất) nằm ngoài thư mục cài đặt và không bị xóa khi cài lại, nâng cấp hay gỡ bỏ chương trình.$\r$\n$\r$\n$_CLICK"
LangString WELCOME_TEXT ${LANG_ENGLISH} "This will install $(^NameDA) ${VERSION} on this computer, for your account only; no administrator rights are needed.$\r$\n$\r$\nYour data (plans, backups, exported documents) lives outside the program folder and is never deleted when the program is reinstalled, upgraded or removed.$\r$\n$\r$\n$_CLICK"
LangString UPGRADE_TEXT ${LANG_VIETNAMESE} "Chương trình sẽ nâng cấp $(^NameDA) phiên bản $OldVersion, đang cài cho tài khoản của bạn trong$\r$\n$OldDir$\r$\nlên phiên bản ${VERSION}, ngay tại thư mục đó.$\r$\n$\r$\nDữ liệu của bạn (kế hoạch, bản sao lưu, văn bản đã xuất) nằm ngoài thư mục cài đặt và không bị xóa khi nâng cấp.$\r$\n$\r$\n$_CLICK"
LangString UPGRADE_TEXT ${LANG_ENGLISH} "This will upgrade $(^NameDA) $OldVersion, installed for your account in$\r$\n$OldDir$\r$\nto version ${VERSION}, in that same folder.$\r$\n$\r$\nYour data (plans, backups, exported documents) lives outside the program folder and is not deleted by the upgrade.$\r$\n$\r$\n$_CLICK"
LangString UPGRADE_ALL_TEXT ${LANG_VIETNAMESE} "Chương trình sẽ nâng cấp $(^NameDA) phiên bản $OldVersion, đang cài cho mọi người dùng máy này trong$\r$\n$OldDir$\r$\nlên phiên bản ${VERSION}, ngay tại thư mục đó, cho mọi người dùng.$\r$\n$\r$\nDữ liệu của mỗi người (kế hoạch, bản sao lưu, văn bản đã xuất) nằm ngoài thư mục cài đặt và không bị xóa khi nâng cấp.$\r$\n$\r$\n$_CLICK"
LangString UPGRADE_ALL_TEXT ${LANG_ENGLISH} "This will upgrade $(^NameDA) $OldVersion, installed for everyone who uses this computer in$\r$\n$OldDir$\r$\nto version ${VERSION}, in that same folder, for everyone.$\r$\n$\r$\nEach person's data (plans, backups, exported documents) lives outside the program folder and is not deleted by the upgrade.$\r$\n$\r$\n$_CLICK"
LangString UPGRADING ${LANG_VIETNAMESE} "Nâng cấp phiên bản $OldVersion trong $OldDir"
LangString UPGRADING ${LANG_ENGLISH} "Upgrading version $OldVersion in $OldDir"
LangString MODE_TITLE ${LANG_VIETNAMESE} "Cài cho ai?"
LangString MODE_TITLE ${LANG_ENGLISH} "Install for whom?"
LangString MODE_SUBTITLE ${LANG_VIETNAMESE} "Bạn đang chạy trình cài đặt với quyền quản trị."
LangString MODE_SUBTITLE ${LANG_ENGLISH} "You are running the installer as an administrator."
LangString MODE_USER ${LANG_VIETNAMESE} "Chỉ cho tôi (khuyên dùng)"
LangString MODE_USER ${LANG_ENGLISH} "Just for me (recommended)"
LangString MODE_ALL ${LANG_VIETNAMESE} "Cho mọi người dùng máy này (vào Program Files)"
LangString MODE_ALL ${LANG_ENGLISH} "For everyone who uses this computer (into Program Files)"
LangString NEED_WIN10 ${LANG_VIETNAMESE} "$(^NameDA) cần Windows 10 hoặc mới hơn, bản 64-bit."
LangString NEED_WIN10 ${LANG_ENGLISH} "$(^NameDA) needs 64-bit Windows 10 or later."
LangString NEED_ADMIN ${LANG_VIETNAMESE} "Cài hoặc nâng cấp $(^NameDA) cho mọi người dùng cần quyền quản trị, nhưng Windows không cấp (bạn đã từ chối, hoặc tài khoản này không phải quản trị viên). Chưa có gì thay đổi."
LangString NEED_ADMIN ${LANG_ENGLISH} "Installing or upgrading $(^NameDA) for all users needs administrator rights, which Windows did not grant (you declined, or this account is not an administrator). Nothing was changed."
LangString UN_NEED_ADMIN ${LANG_VIETNAMESE} "$(^NameDA) được cài cho mọi người dùng: gỡ bỏ cần quyền quản trị, nhưng Windows không cấp (bạn đã từ chối, hoặc tài khoản này không phải quản trị viên). Chưa có gì bị xóa."
LangString UN_NEED_ADMIN ${LANG_ENGLISH} "$(^NameDA) is installed for all users: removing it needs administrator rights, which Windows did not grant (you declined, or this account is not an administrator). Nothing was removed."
LangString APP_RUNNING ${LANG_VIETNAMESE} "$(^NameDA) đang chạy. Hãy đóng chương trình rồi bấm «Retry» (Thử lại)."
LangString APP_RUNNING ${LANG_ENGLISH} "$(^NameDA) is running. Close it, then click Retry."
LangString OLD_UNINSTALL_FAILED ${LANG_VIETNAMESE} "Không gỡ được phiên bản cũ trong $Previous (trình gỡ bỏ của nó báo lỗi $ExitCode), nên việc cài đặt dừng lại. Hãy đóng $(^NameDA) nếu đang mở rồi chạy lại trình cài đặt, hoặc gỡ phiên bản cũ trong Settings → Apps trước. Dữ liệu của bạn không bị ảnh hưởng."
LangString OLD_UNINSTALL_FAILED ${LANG_ENGLISH} "Could not remove the previous version in $Previous (its uninstaller failed with code $ExitCode), so the installation has stopped. Close $(^NameDA) if it is open and run the installer again, or remove the previous version in Settings → Apps first. Your data is not affected."
LangString DATA_KEPT ${LANG_VIETNAMESE} "Dữ liệu của bạn được giữ nguyên trong $DataDir."
LangString DATA_KEPT ${LANG_ENGLISH} "Your data is kept in $DataDir."
LangString UN_FINISH_TEXT ${LANG_VIETNAMESE} "$(^NameDA) đã được gỡ bỏ khỏi máy này.$\r$\n$\r$\nDữ liệu của bạn (kế hoạch, bản sao lưu, văn bản đã xuất) được giữ nguyên trong$\r$\n$DataDir$\r$\nvà sẽ được dùng lại nếu bạn cài lại chương trình.$\r$\n$\r$\nNhấn «Hoàn thành» để đóng."
LangString UN_FINISH_TEXT ${LANG_ENGLISH} "$(^NameDA) has been removed from this computer.$\r$\n$\r$\nYour data (plans, backups, exported documents) is kept in$\r$\n$DataDir$\r$\nand is used again if you reinstall the program.$\r$\n$\r$\nClick Finish to close."

; ---------------------------------------------------------------------------------------------
; Helpers, for the installer and the uninstaller

!macro PICK_LANGUAGE
  StrCpy $LANGUAGE ${LANG_VIETNAMESE}
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/EN" $R1
  ${IfNot} ${Errors}
    StrCpy $LANGUAGE ${LANG_ENGLISH}
  ${EndIf}
!macroend

; Elevated? UserInfo says "Admin" only for an elevated token (an administrator's everyday,
; filtered token says "User"). Wine runs every process elevated, so the Wine test also builds
; with /DTEST_UNELEVATED: then only a copy started with /ELEVATED counts as elevated, and the
; test sees the requests for administrator rights that Windows would answer with its prompt.
!macro CHECK_ADMIN
  !ifdef TEST_UNELEVATED
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "/ELEVATED" $R1
    ${If} ${Errors}
      StrCpy $IsAdmin 0
    ${Else}
      StrCpy $IsAdmin 1
    ${EndIf}
  !else
    UserInfo::GetAccountType
    Pop $R0
    ${If} $R0 == "Admin"
      StrCpy $IsAdmin 1
    ${Else}
      StrCpy $IsAdmin 0
    ${EndIf}
  !endif
!macroend

; The parameters an elevated copy of this program gets: /ELEVATED (so that it never asks
; again), and the silence and language of this one. Leaves them in $R0.
!macro ELEVATED_PARAMETERS
  StrCpy $R0 "/ELEVATED"
  ${If} ${Silent}
    StrCpy $R0 "$R0 /S"
  ${EndIf}
  ${If} $LANGUAGE == ${LANG_ENGLISH}
    StrCpy $R0 "$R0 /EN"
  ${EndIf}
!macroend

; Already the elevated copy, yet still not elevated (UAC turned off, or not an administrator)?
; Then say so and stop, rather than ask again and again.
!macro STOP_IF_ELEVATION_FAILED message
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ELEVATED" $R1
  ${IfNot} ${Errors}
    MessageBox MB_OK|MB_ICONSTOP "${message}" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
!macroend

; A running program holds its .exe open: opening it for writing fails until it is closed.
!macro REFUSE_WHILE_RUNNING folder
  ${DoWhile} ${FileExists} "${folder}\${EXE}"
    ClearErrors
    FileOpen $0 "${folder}\${EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(APP_RUNNING)" /SD IDCANCEL IDRETRY +2
    Abort
  ${Loop}
!macroend

; ---------------------------------------------------------------------------------------------
; Install: for whom, where, and what is there already

; The context (current user or all users) decides the registry hive (SHCTX), the shortcuts'
; folders and the default folder; an install already there in that context is upgraded where
; it is, unless /D= named another folder.
Function FindPrevious
  ReadRegStr $OldDir SHCTX "${UNINSTALL_KEY}" "InstallLocation"
  ReadRegStr $OldVersion SHCTX "${UNINSTALL_KEY}" "DisplayVersion"
  ${If} $DirGiven == 1
    Return
  ${ElseIf} $OldDir != ""
    StrCpy $INSTDIR $OldDir
  ${ElseIf} $Mode == "all"
    StrCpy $INSTDIR "$PROGRAMFILES64\${APP_ID}"
  ${Else}
    StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${APP_ID}"
  ${EndIf}
FunctionEnd

Function UseCurrentUser
  StrCpy $Mode "user"
  SetShellVarContext current
  Call FindPrevious
FunctionEnd

Function UseAllUsers
  StrCpy $Mode "all"
  SetShellVarContext all
  Call FindPrevious
FunctionEnd

; Installing for all users without administrator rights: start this installer again with
; "runas" (Windows asks for them), wait for it, and exit with 0 when it has installed this
; version for all users, 2 otherwise. Never returns.
Function RelaunchElevated
  !insertmacro STOP_IF_ELEVATION_FAILED "$(NEED_ADMIN)"
  !insertmacro ELEVATED_PARAMETERS
  StrCpy $R0 "$R0 /ALLUSERS"
  ${If} $DirGiven == 1
    StrCpy $R0 "$R0 /D=$INSTDIR"
  ${EndIf}
  ClearErrors
  ExecShellWait "runas" "$EXEPATH" "$R0"
  ${If} ${Errors}
    MessageBox MB_OK|MB_ICONSTOP "$(NEED_ADMIN)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  ReadRegStr $R1 HKLM "${UNINSTALL_KEY}" "DisplayVersion"
  ${If} $R1 == "${VERSION}"
    SetErrorLevel 0
  ${Else}
    SetErrorLevel 2
  ${EndIf}
  Quit
FunctionEnd

Function .onInit
  !insertmacro PICK_LANGUAGE
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NEED_WIN10)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro CHECK_ADMIN
  ${If} $INSTDIR == ""
    StrCpy $DirGiven 0
  ${Else}
    StrCpy $DirGiven 1
  ${EndIf}
  ; For whom: all users when asked (/ALLUSERS), or when an all-users install is the only one
  ; there (a plain run upgrades it); otherwise the current user.
  ReadRegStr $R2 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ReadRegStr $R3 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  StrCpy $Mode "user"
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    StrCpy $Mode "all"
  ${ElseIf} $R2 == ""
  ${AndIf} $R3 != ""
    StrCpy $Mode "all"
  ${EndIf}
  ${If} $Mode == "all"
    ${If} $IsAdmin != 1
      Call RelaunchElevated
    ${EndIf}
    Call UseAllUsers
  ${Else}
    Call UseCurrentUser
  ${EndIf}
FunctionEnd

Function WelcomePre
  ${If} $OldDir == ""
    StrCpy $WelcomeText "$(WELCOME_TEXT)"
  ${ElseIf} $Mode == "all"
    StrCpy $WelcomeText "$(UPGRADE_ALL_TEXT)"
  ${Else}
    StrCpy $WelcomeText "$(UPGRADE_TEXT)"
  ${EndIf}
FunctionEnd

; Shown only to an administrator installing for the first time: a normal user always installs
; for themselves, and an upgrade keeps the users the install already has.
Function ModePage
  ${If} $IsAdmin != 1
  ${OrIf} $OldDir != ""
    Abort
  ${EndIf}
  !insertmacro MUI_HEADER_TEXT "$(MODE_TITLE)" "$(MODE_SUBTITLE)"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateRadioButton} 0 10u 100% 14u "$(MODE_USER)"
  Pop $UserRadio
  ${NSD_CreateRadioButton} 0 32u 100% 14u "$(MODE_ALL)"
  Pop $AllRadio
  ${If} $Mode == "all"
    ${NSD_Check} $AllRadio
  ${Else}
    ${NSD_Check} $UserRadio
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function ModePageLeave
  ${NSD_GetState} $AllRadio $0
  ${If} $0 == ${BST_CHECKED}
    Call UseAllUsers
  ${Else}
    Call UseCurrentUser
  ${EndIf}
FunctionEnd

; Never start the app elevated: it would run with administrator rights and, when someone else
; typed their password at Windows' prompt, as that account, with that account's data folder.
Function FinishShow
  ${If} $IsAdmin == 1
    ${NSD_Uncheck} $mui.FinishPage.Run
    ShowWindow $mui.FinishPage.Run ${SW_HIDE}
  ${EndIf}
FunctionEnd

; The install in $Previous goes first: its own uninstaller removes its files (its own list),
; its shortcuts and its entry, never the user's data. When that uninstaller fails, the install
; stops here, before anything of this version is copied.
Function RemovePrevious
  ${IfNot} ${FileExists} "$Previous\${UNINSTALLER}"
    Return
  ${EndIf}
  StrCpy $R0 "/S"
  ${If} $IsAdmin == 1
    StrCpy $R0 "/S /ELEVATED"
  ${EndIf}
  ClearErrors
  ExecWait '"$Previous\${UNINSTALLER}" $R0 _?=$Previous' $ExitCode
  ${If} ${Errors}
    StrCpy $ExitCode "?"
  ${EndIf}
  ${If} $ExitCode != 0
    MessageBox MB_OK|MB_ICONSTOP "$(OLD_UNINSTALL_FAILED)" /SD IDOK
    Abort
  ${EndIf}
  ; Run in place (_?=), it could not delete itself.
  Delete "$Previous\${UNINSTALLER}"
  RMDir "$Previous"
FunctionEnd

Section "install"
  !insertmacro REFUSE_WHILE_RUNNING "$INSTDIR"
  ${If} $OldDir != ""
    !insertmacro REFUSE_WHILE_RUNNING "$OldDir"
    DetailPrint "$(UPGRADING)"
    StrCpy $Previous $OldDir
    Call RemovePrevious
  ${EndIf}
  ; A copy in the target folder that the registry does not name (reinstalling over it).
  ${If} $OldDir != $INSTDIR
    StrCpy $Previous $INSTDIR
    Call RemovePrevious
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${DIST}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; ---------------------------------------------------------------------------------------------
; Uninstall

; Removing an all-users install without administrator rights (Settings → Apps starts the
; uninstaller that way): start this uninstaller again with "runas", for the same folder, and
; wait for it; exit with 0 when the entry is gone, 2 otherwise. Never returns. This copy runs
; from %TEMP% (NSIS copies an uninstaller there), so the elevated one, started from the same
; copy with _?=, can delete uninstall.exe too.
Function un.RelaunchElevated
  !insertmacro STOP_IF_ELEVATION_FAILED "$(UN_NEED_ADMIN)"
  !insertmacro ELEVATED_PARAMETERS
  SetOutPath "$TEMP"  ; the elevated copy's working folder: not $INSTDIR, which it removes
  ClearErrors
  ExecShellWait "runas" "$EXEPATH" "$R0 _?=$INSTDIR"
  ${If} ${Errors}
    MessageBox MB_OK|MB_ICONSTOP "$(UN_NEED_ADMIN)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  ReadRegStr $R1 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $R1 == $INSTDIR
    SetErrorLevel 2
  ${Else}
    SetErrorLevel 0
  ${EndIf}
  Quit
FunctionEnd

Function un.onInit
  !insertmacro PICK_LANGUAGE
  SetRegView 64
  !insertmacro CHECK_ADMIN
  StrCpy $DataDir "$APPDATA\CCHC\cchc-desktop"  ; this user's, before the context may change
  ; Installed for all users? Then the entry is under HKLM and names this folder.
  ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} $0 == $INSTDIR
    ${If} $IsAdmin != 1
      Call un.RelaunchElevated
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  !insertmacro REFUSE_WHILE_RUNNING "$INSTDIR"
  ; Exactly the files the installer copied, then their folders if nothing else is left in them.
  !include "${UNINSTALL_LIST}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  ; The shortcuts and the entry in Settings belong to the install the entry names: a stray
  ; copy's uninstaller, in another folder, leaves them to it.
  ReadRegStr $0 SHCTX "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 == ""
  ${OrIf} $0 == $INSTDIR
    Delete "$SMPROGRAMS\${APP_NAME}.lnk"
    Delete "$DESKTOP\${APP_NAME}.lnk"
    DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  ${EndIf}
  ; The user's data folder (%APPDATA%\CCHC\cchc-desktop) is deliberately not touched; the
  ; finish page says so (UN_FINISH_TEXT), and so does this line for a silent run's log.
  DetailPrint "$(DATA_KEPT)"
SectionEnd
