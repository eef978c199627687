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
Var IsAdmin     ; 1 when the installer runs elevated
Var DirGiven    ; 1 when /D= chose the folder
Var UserRadio
Var AllRadio

; ---------------------------------------------------------------------------------------------
; Pages

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "$(WELCOME_TEXT)"
!insertmacro MUI_PAGE_WELCOME
Page custom ModePage ModePageLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_UNPAGE_FINISH

; The first language is the default; .onInit picks Vietnamese unless /EN is given.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

; ---------------------------------------------------------------------------------------------
; Strings (Vietnamese, then English)

LangString WELCOME_TEXT ${LANG_VIETNAMESE} "Chương trình sẽ cài $(^NameDA) phiên bản ${VERSION} vào máy này, cho riêng tài khoản của bạn, không cần quyền quản trị.$\r$\n$\r$\nDữ liệu của bạn (kế hoạch, bản sao lưu, văn bản đã xuất) nằm ngoài thư mục cài đặt và không bị xóa khi cài lại, nâng cấp hay gỡ bỏ chương trình.$\r$\n$\r$\n$_CLICK"
LangString WELCOME_TEXT ${LANG_ENGLISH} "This will install $(^NameDA) ${VERSION} on this computer, for your account only; no administrator rights are needed.$\r$\n$\r$\nYour data (plans, backups, exported documents) lives outside the program folder and is never deleted when the program is reinstalled, upgraded or removed.$\r$\n$\r$\n$_CLICK"
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
LangString NEED_ADMIN ${LANG_VIETNAMESE} "Cài cho mọi người dùng (/ALLUSERS) cần quyền quản trị: hãy chạy trình cài đặt bằng «Run as administrator»."
LangString NEED_ADMIN ${LANG_ENGLISH} "Installing for all users (/ALLUSERS) needs administrator rights: use 'Run as administrator'."
LangString UN_NEED_ADMIN ${LANG_VIETNAMESE} "Chương trình được cài cho mọi người dùng; muốn gỡ bỏ, hãy chạy trình gỡ bỏ bằng «Run as administrator»."
LangString UN_NEED_ADMIN ${LANG_ENGLISH} "The program was installed for all users; run the uninstaller with 'Run as administrator' to remove it."
LangString APP_RUNNING ${LANG_VIETNAMESE} "$(^NameDA) đang chạy. Hãy đóng chương trình rồi bấm «Retry» (Thử lại)."
LangString APP_RUNNING ${LANG_ENGLISH} "$(^NameDA) is running. Close it, then click Retry."
LangString DATA_KEPT ${LANG_VIETNAMESE} "Dữ liệu của bạn được giữ nguyên trong %APPDATA%\CCHC\cchc-desktop."
LangString DATA_KEPT ${LANG_ENGLISH} "Your data is kept in %APPDATA%\CCHC\cchc-desktop."

; ---------------------------------------------------------------------------------------------
; Helpers

!macro PICK_LANGUAGE
  StrCpy $LANGUAGE ${LANG_VIETNAMESE}
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/EN" $R1
  ${IfNot} ${Errors}
    StrCpy $LANGUAGE ${LANG_ENGLISH}
  ${EndIf}
!macroend

; A running program holds its .exe open: opening it for writing fails until it is closed.
!macro WAIT_UNTIL_CLOSED
  ${DoWhile} ${FileExists} "$INSTDIR\${EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(APP_RUNNING)" /SD IDCANCEL IDRETRY +2
    Abort
  ${Loop}
!macroend

Function UseCurrentUser
  StrCpy $Mode "user"
  SetShellVarContext current
  SetRegView default
  ${If} $DirGiven != 1
    StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${APP_ID}"
  ${EndIf}
FunctionEnd

Function UseAllUsers
  StrCpy $Mode "all"
  SetShellVarContext all
  SetRegView 64
  ${If} $DirGiven != 1
    StrCpy $INSTDIR "$PROGRAMFILES64\${APP_ID}"
  ${EndIf}
FunctionEnd

Function .onInit
  !insertmacro PICK_LANGUAGE
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NEED_WIN10)" /SD IDOK
    Abort
  ${EndIf}
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 == "Admin"
    StrCpy $IsAdmin 1
  ${Else}
    StrCpy $IsAdmin 0
  ${EndIf}
  ${If} $INSTDIR == ""
    StrCpy $DirGiven 0
  ${Else}
    StrCpy $DirGiven 1
  ${EndIf}
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${If} ${Errors}
    Call UseCurrentUser
  ${ElseIf} $IsAdmin == 1
    Call UseAllUsers
  ${Else}
    MessageBox MB_OK|MB_ICONSTOP "$(NEED_ADMIN)" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

; Shown only to an administrator: a normal user always installs for themselves.
Function ModePage
  ${If} $IsAdmin != 1
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

; ---------------------------------------------------------------------------------------------
; Install

Section "install"
  !insertmacro WAIT_UNTIL_CLOSED
  ; An upgrade: the previous uninstaller removes the previous version's files (its own list);
  ; the user's data is not among them.
  ${If} ${FileExists} "$INSTDIR\${UNINSTALLER}"
    ExecWait '"$INSTDIR\${UNINSTALLER}" /S _?=$INSTDIR'
    Delete "$INSTDIR\${UNINSTALLER}"
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

Function un.onInit
  !insertmacro PICK_LANGUAGE
  ; Installed for all users? Then the entry is under HKLM and naming this folder.
  SetRegView 64
  ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} $0 == $INSTDIR
    UserInfo::GetAccountType
    Pop $1
    ${If} $1 != "Admin"
      MessageBox MB_OK|MB_ICONSTOP "$(UN_NEED_ADMIN)" /SD IDOK
      Abort
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetRegView default
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  !insertmacro WAIT_UNTIL_CLOSED
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Exactly the files the installer copied, then their folders if nothing else is left in them.
  !include "${UNINSTALL_LIST}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  ; The user's data folder (%APPDATA%\CCHC\cchc-desktop) is deliberately not touched.
  DetailPrint "$(DATA_KEPT)"
SectionEnd
