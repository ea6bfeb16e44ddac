; Inno Setup 6 script: installs the PyInstaller one-folder build (dist\coomet-lab\, from coomet-lab.spec beside
; this file) per user or for all users, with Start-menu entries and an uninstaller. The lab's data (settings, keys,
; repository) lives in the user's data folder and is never removed by the uninstaller.
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\coomet-lab.iss      (build.ps1 passes the version)

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "COOMET Lab"
#define DistDir "..\..\dist\coomet-lab"

[Setup]
; The AppId identifies the application for upgrades and the uninstaller: never change it.
AppId={{6F3C1D2A-8B47-4E5D-9A61-C0B7E3D4F512}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=COOMET Lab
DefaultDirName={autopf}\COOMET Lab
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs without administrator rights for one user; an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=coomet-lab-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\coomet-lab-desktop.exe
; Offers to close a running COOMET Lab before files are replaced.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: both executables and _internal\ (Python, Qt with its plugins and translations,
; resources, schema pins, the bundled DCC schema store and the PDF fonts).
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle whole, so no module of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\coomet-lab-desktop.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\coomet-lab-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\coomet-lab-desktop.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
