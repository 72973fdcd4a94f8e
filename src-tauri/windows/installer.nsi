; DukaDesk's Windows installer, built by `cargo xtask bundle --windows` with
; Debian's makensis. It uses only what NSIS itself ships (MUI2, FileFunc,
; LogicLib, nsExec): nothing is downloaded to build it.
;
; Per user (no administrator rights): the app goes to
; %LOCALAPPDATA%\Programs\DukaDesk, with Start-menu and desktop shortcuts and
; an entry in "Apps & features" (HKCU). The shop's data stays in
; %APPDATA%\com.dukadesk.app and is never removed by the uninstaller.
;
; The app's updater runs this installer with /P (passive) or /S (silent),
; /UPDATE, and /R to start the app again afterwards.
;
; Defined by xtask with /D: VERSION, EXE, OUTFILE, ICON; optionally
; WEBVIEW2LOADER (the loader DLL the MinGW build links to) and
; WEBVIEW2_BOOTSTRAPPER (Microsoft's MicrosoftEdgeWebview2Setup.exe, to
; embed for shops without internet during installation).

Unicode true
; A 64-bit installer for a 64-bit app: it also runs where only 64-bit
; Windows programs can (Wine without its 32-bit half).
Target amd64-unicode
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifndef VERSION | EXE | OUTFILE | ICON
  !error "run through cargo xtask bundle --windows"
!endif

!define PRODUCT "DukaDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\DukaDesk"
!define APP_KEY "Software\DukaDesk"
; The Evergreen WebView2 Runtime's client id, as Microsoft's deployment
; guide tells installers to look it up.
!define WEBVIEW2_ID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_URL "https://go.microsoft.com/fwlink/p/?LinkId=2124703"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
SetCompressor /SOLID lzma
BrandingText "${PRODUCT} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${PRODUCT} installer"
VIAddVersionKey "LegalCopyright" "DukaDesk"

Var Passive
Var Restart
Var Update
Var AppArgs

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipWhenPassive
!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipWhenPassive
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\dukadesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open DukaDesk now"
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipWhenPassive
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "DukaDesk will be removed from this computer. Your shop's orders, customers and settings stay in %APPDATA%\com.dukadesk.app: install DukaDesk again and they are all there. To delete them too, first export what you need (Settings, Export), then delete that folder."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/P" $R1
  ${IfNot} ${Errors}
    StrCpy $Passive 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/R" $R1
  ${IfNot} ${Errors}
    StrCpy $Restart 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/UPDATE" $R1
  ${IfNot} ${Errors}
    StrCpy $Update 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/ARGS" $AppArgs
FunctionEnd

Function SkipWhenPassive
  ${If} $Passive == 1
    Abort
  ${EndIf}
FunctionEnd

; WebView2 draws DukaDesk's windows. Windows 11 and current Windows 10 have
; it; older machines get Microsoft's Evergreen bootstrapper, run per user.
Function EnsureWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${EndIf}
  ${If} $0 != ""
  ${AndIf} $0 != "0.0.0.0"
    DetailPrint "WebView2 Runtime $0 is installed."
    Return
  ${EndIf}

  InitPluginsDir
  StrCpy $1 "$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe"
!ifdef WEBVIEW2_BOOTSTRAPPER
  File "/oname=$1" "${WEBVIEW2_BOOTSTRAPPER}"
!else
  DetailPrint "Downloading Microsoft's WebView2 Runtime installer..."
  nsExec::ExecToLog 'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; Invoke-WebRequest -UseBasicParsing -Uri ''${WEBVIEW2_URL}'' -OutFile ''$1''"'
  Pop $2
!endif
  ${If} ${FileExists} "$1"
    DetailPrint "Installing the WebView2 Runtime..."
    ExecWait '"$1" /silent /install' $2
    ${If} $2 == 0
      Return
    ${EndIf}
  ${EndIf}
  DetailPrint "The WebView2 Runtime is missing and could not be installed."
  MessageBox MB_ICONEXCLAMATION|MB_OK "DukaDesk is installed, but it needs Microsoft Edge WebView2 Runtime to open, and this computer does not have it.$\r$\n$\r$\nConnect to the internet and run this installer again, or install the runtime from:$\r$\nhttps://developer.microsoft.com/microsoft-edge/webview2/" /SD IDOK
FunctionEnd

Section "DukaDesk" SecApp
  SetOutPath "$INSTDIR"
  ; An update starts while the app is closing: wait up to 10 s for it to
  ; let go of its program file.
  StrCpy $R9 0
  ${Do}
    ClearErrors
    Delete "$INSTDIR\dukadesk.exe"
    ${IfNot} ${Errors}
      ${Break}
    ${EndIf}
    IntOp $R9 $R9 + 1
    ${If} $R9 >= 40
      MessageBox MB_ICONSTOP|MB_OK "DukaDesk is still open. Close every DukaDesk window and run the installer again." /SD IDOK
      Abort
    ${EndIf}
    Sleep 250
  ${Loop}
  File "/oname=dukadesk.exe" "${EXE}"
!ifdef WEBVIEW2LOADER
  File "/oname=WebView2Loader.dll" "${WEBVIEW2LOADER}"
!endif
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\dukadesk.exe"
  ; An update keeps the desktop as the owner left it.
  ${If} $Update != 1
    CreateShortCut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\dukadesk.exe"
  ${EndIf}

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "DukaDesk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\dukadesk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  Call EnsureWebView2
SectionEnd

Function .onInstSuccess
  ${If} $Passive == 1
    SetAutoClose true
  ${EndIf}
  ${If} $Restart == 1
    Exec '"$INSTDIR\dukadesk.exe" $AppArgs'
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ClearErrors
  Delete "$INSTDIR\dukadesk.exe"
  ${If} ${Errors}
    MessageBox MB_ICONSTOP|MB_OK "DukaDesk is still open. Close every DukaDesk window and try again." /SD IDOK
    Abort
  ${EndIf}
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"
SectionEnd
