# Build the Windows one-folder bundle (dist\coomet-lab\) and, when Inno Setup 6 is installed, the installer.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-SchemaSource D:\shared\schemas\dcc]
# The same steps as packaging/build.sh on Linux; see packaging\WINDOWS.md.
param(
    [string]$SchemaSource = "",
    [string]$Python = "py -3.11"
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root
if (-not $SchemaSource) { $SchemaSource = Join-Path (Split-Path $Root -Parent) "shared\schemas\dcc" }
$Venv = Join-Path $Root ".venv-build"
$Py = Join-Path $Venv "Scripts\python.exe"
$Stage = Join-Path $Root "build\stage"

function Run([string]$What, [scriptblock]$Block) {
    Write-Host "== $What"
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit $LASTEXITCODE)" }
}

if (-not (Test-Path $Py)) { Run "creating the build environment" { Invoke-Expression "$Python -m venv `"$Venv`"" } }
Run "installing .[app,packaging]" { & $Py -m pip install --quiet --upgrade pip; & $Py -m pip install --quiet -e ".[app,packaging]" }
Run "compiling the interface translations" { & $Py -m ui.i18n }
if (Test-Path $Stage) { Remove-Item -Recurse -Force $Stage }
New-Item -ItemType Directory -Force $Stage | Out-Null
$env:COOMET_LAB_HOME = $Stage
Run "staging PTB's DCC schema set from $SchemaSource (pinned install)" { & (Join-Path $Venv "Scripts\coomet-lab.exe") schemas install $SchemaSource }
Remove-Item Env:\COOMET_LAB_HOME
$env:COOMET_LAB_STAGED_SCHEMAS = Join-Path $Stage "schemas\dcc"
Run "PyInstaller" { & $Py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\windows\coomet-lab.spec }

$Version = & $Py -c "from coomet_lab._version import __version__; print(__version__)"
$Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (Test-Path $Iscc) {
    Run "Inno Setup" { & $Iscc "/DAppVersion=$Version" packaging\windows\coomet-lab.iss }
    Write-Host "installer: dist\installer\coomet-lab-$Version-setup.exe"
} else {
    Write-Host "Inno Setup 6 not found at $Iscc: the one-folder build is in dist\coomet-lab"
}
