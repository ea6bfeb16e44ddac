"""``coomet-lab schemas``: install, fetch and list the DCC schema sets of the offline schema store."""

from __future__ import annotations

import argparse

from coomet_lab.cli.common import EXIT_OK, print_json


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("schemas", help="manage the offline DCC schema store")
    sub = parser.add_subparsers(dest="schemas_command", metavar="ACTION", required=True)
    install = sub.add_parser("install", help="install schema files from a folder laid out like PTB's schema set")
    install.add_argument("folder", metavar="DIR")
    install.set_defaults(handler=cmd_install)
    fetch = sub.add_parser("fetch", help="download the schemas from ptb.de (needs the internet) and install them")
    fetch.set_defaults(handler=cmd_fetch)
    listing = sub.add_parser("list", help="show which DCC versions can be validated offline")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_list)
    arshin = sub.add_parser("install-arshin", help="install the FGIS Arshin import XSD (e.g. the official one from "
                                                   "the lab's Arshin account); every export is validated against it")
    arshin.add_argument("xsd", metavar="FILE.xsd")
    arshin.add_argument("--profile", default=None, metavar="NAME", help="the format version it belongs to")
    arshin.set_defaults(handler=cmd_install_arshin)


def cmd_install(args: argparse.Namespace) -> int:
    from coomet_lab.dcc.validation.schema_store import SchemaStore

    store = SchemaStore.default()
    result = store.install_from(args.folder)
    print(f"installed DCC {', '.join(result.installed_versions)} into {store.writable_root}")
    print(f"{len(result.files_written)} file(s) written, every one matching its pinned SHA-256")
    if result.ignored:
        print(f"ignored (not schema files): {', '.join(result.ignored)}")
    return EXIT_OK


def cmd_fetch(args: argparse.Namespace) -> int:
    from coomet_lab.dcc.validation.schema_store import SchemaStore

    store = SchemaStore.default()
    result = store.fetch()
    print(f"downloaded and installed DCC {', '.join(result.installed_versions)} into {store.writable_root}")
    return EXIT_OK


def cmd_install_arshin(args: argparse.Namespace) -> int:
    from coomet_lab.cli.common import input_file
    from coomet_lab.kernel.xmlsafe import ORDINARY
    from coomet_lab.registers import arshin

    profile = arshin.get_profile(args.profile or arshin.DEFAULT_PROFILE)
    source = input_file(args.xsd, "an XML schema", ORDINARY.max_bytes)  # a folder or a missing file, by name
    target = arshin.install_schema(source, profile)
    print(f"installed the Arshin import schema for {profile.namespace} into {target}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from coomet_lab.dcc.validation.schema_store import INSTALL_HINT, SchemaStore

    statuses = SchemaStore.default().status()
    if args.json:
        print_json([
            {"version": s.version, "dsi": s.dsi, "installed": s.complete, "location": str(s.location or "")}
            for s in statuses
        ])
        return EXIT_OK
    for s in statuses:
        state = f"installed ({s.location})" if s.complete else "not installed"
        print(f"DCC {s.version} (D-SI {s.dsi}): {state}")
    if not any(s.complete for s in statuses):
        print(f"no schemas yet: {INSTALL_HINT}")
    from coomet_lab.registers import arshin

    for profile in arshin.PROFILES.values():
        path = arshin.arshin_schema_path(profile)
        state = f"installed ({path})" if path else "not installed (exports are checked by the app's own rules only)"
        print(f"Arshin import {profile.name}: {state}")
    return EXIT_OK
